CREATE TABLE `counters` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `counters` (`name`, `value`) SELECT 'term_docs', count(*) FROM `articles`;
--> statement-breakpoint
INSERT INTO `counters` (`name`, `value`) SELECT 'incidents', count(*) FROM `incidents` WHERE `merged_into` IS NULL;
