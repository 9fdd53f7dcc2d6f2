CREATE TABLE `article_entities` (
	`article_id` text NOT NULL,
	`entity_id` text NOT NULL,
	`surface` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`article_id`, `entity_id`)
);
--> statement-breakpoint
CREATE INDEX `article_entities_entity_idx` ON `article_entities` (`entity_id`);--> statement-breakpoint
CREATE TABLE `articles` (
	`id` text PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`title` text NOT NULL,
	`source` text NOT NULL,
	`published_at` text NOT NULL,
	`fetched_at` text NOT NULL,
	`text` text NOT NULL,
	`origin` text NOT NULL,
	`feed_id` text,
	`guid` text,
	`incident_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_url_unique` ON `articles` (`url`);--> statement-breakpoint
CREATE INDEX `articles_incident_idx` ON `articles` (`incident_id`);--> statement-breakpoint
CREATE INDEX `articles_published_idx` ON `articles` (`published_at`,`id`);--> statement-breakpoint
CREATE INDEX `articles_guid_idx` ON `articles` (`feed_id`,`guid`);--> statement-breakpoint
CREATE TABLE `entities` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`name` text NOT NULL,
	`aliases` text NOT NULL,
	`origin` text NOT NULL,
	`provisional` integer DEFAULT false NOT NULL,
	`description` text,
	`first_seen_at` text,
	`first_seen_url` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `entities_type_name_idx` ON `entities` (`type`,`name`);--> statement-breakpoint
CREATE TABLE `feeds` (
	`id` text PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`name` text,
	`site_url` text,
	`etag` text,
	`last_modified` text,
	`status` text DEFAULT 'ok' NOT NULL,
	`error_count` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`last_fetched_at` text,
	`last_success_at` text,
	`next_fetch_at` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feeds_url_unique` ON `feeds` (`url`);--> statement-breakpoint
CREATE TABLE `incident_entities` (
	`incident_id` text NOT NULL,
	`entity_id` text NOT NULL,
	`article_count` integer NOT NULL,
	`last_seen` text NOT NULL,
	PRIMARY KEY(`incident_id`, `entity_id`)
);
--> statement-breakpoint
CREATE INDEX `incident_entities_entity_idx` ON `incident_entities` (`entity_id`,`last_seen`);--> statement-breakpoint
CREATE TABLE `incident_links` (
	`from_id` text NOT NULL,
	`to_id` text NOT NULL,
	`relation` text NOT NULL,
	`evidence` text,
	`score` real,
	PRIMARY KEY(`from_id`, `to_id`, `relation`)
);
--> statement-breakpoint
CREATE TABLE `incidents` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`kind` text NOT NULL,
	`first_seen` text NOT NULL,
	`last_seen` text NOT NULL,
	`article_count` integer NOT NULL,
	`merged_into` text,
	`profile` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `incidents_last_seen_idx` ON `incidents` (`last_seen`,`id`);--> statement-breakpoint
CREATE TABLE `runs` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`stats` text NOT NULL,
	`errors` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `terms` (
	`term` text PRIMARY KEY NOT NULL,
	`df` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `timeline_events` (
	`id` text PRIMARY KEY NOT NULL,
	`article_id` text NOT NULL,
	`date` text NOT NULL,
	`text` text NOT NULL,
	`source_url` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `timeline_article_idx` ON `timeline_events` (`article_id`);