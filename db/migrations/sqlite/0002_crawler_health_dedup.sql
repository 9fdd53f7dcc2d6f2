CREATE TABLE `article_bands` (
	`key` text NOT NULL,
	`article_id` text NOT NULL,
	PRIMARY KEY(`key`, `article_id`)
);
--> statement-breakpoint
CREATE TABLE `dedup_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`feed_id` text,
	`method` text NOT NULL,
	`duplicate_of` text NOT NULL,
	`similarity` real,
	`decided_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `dedup_duplicate_of_idx` ON `dedup_decisions` (`duplicate_of`);--> statement-breakpoint
ALTER TABLE `articles` ADD `duplicate_of` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `fingerprint` text;--> statement-breakpoint
ALTER TABLE `feeds` ADD `failing_since` text;--> statement-breakpoint
ALTER TABLE `feeds` ADD `last_status` integer;--> statement-breakpoint
ALTER TABLE `feeds` ADD `interval_minutes` integer;