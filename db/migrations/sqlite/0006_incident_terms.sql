CREATE TABLE `incident_terms` (
	`incident_id` text NOT NULL,
	`term` text NOT NULL,
	`last_seen` text NOT NULL,
	PRIMARY KEY(`incident_id`, `term`)
);
--> statement-breakpoint
CREATE INDEX `incident_terms_term_idx` ON `incident_terms` (`term`,`last_seen`);--> statement-breakpoint
-- Backfill from each live incident's profile terms, so retrieval works before any recluster.
INSERT OR IGNORE INTO `incident_terms` (`incident_id`, `term`, `last_seen`)
SELECT i.`id`, j.`key`, i.`last_seen` FROM `incidents` i, json_each(i.`profile`, '$.terms') j
WHERE i.`merged_into` IS NULL;
