CREATE INDEX `articles_source_idx` ON `articles` ("source" collate nocase);--> statement-breakpoint
CREATE INDEX `entities_name_idx` ON `entities` (`name`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_first_seen_idx` ON `incidents` (`first_seen`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_coverage_idx` ON `incidents` (`article_count`,`id`);--> statement-breakpoint
CREATE INDEX `incidents_pinned_idx` ON `incidents` (`last_seen`,`id`) WHERE "incidents"."pinned" = 1;