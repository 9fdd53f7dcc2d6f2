-- Custom SQL migration file, put your code below! --
-- Standalone (not external-content) FTS5 tables: our primary keys are text hashes, and an
-- external-content table keyed on an implicit rowid could drift after VACUUM.
CREATE VIRTUAL TABLE `articles_fts` USING fts5(`article_id` UNINDEXED, `title`, `text`, tokenize = 'porter unicode61');
--> statement-breakpoint
CREATE VIRTUAL TABLE `incidents_fts` USING fts5(`incident_id` UNINDEXED, `title`, `summary`, tokenize = 'porter unicode61');
