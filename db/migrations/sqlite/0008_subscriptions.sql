CREATE TABLE `delivery_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`subscription_id` text NOT NULL,
	`notification_ids` text NOT NULL,
	`at` text NOT NULL,
	`ok` integer NOT NULL,
	`status_code` integer,
	`error` text,
	`duration_ms` integer
);
--> statement-breakpoint
CREATE INDEX `delivery_attempts_subscription_idx` ON `delivery_attempts` (`subscription_id`,`at`);--> statement-breakpoint
CREATE TABLE `incident_changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`incident_id` text NOT NULL,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`detail` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `incident_changes_id_unique` ON `incident_changes` (`id`);--> statement-breakpoint
CREATE INDEX `incident_changes_incident_idx` ON `incident_changes` (`incident_id`);--> statement-breakpoint
CREATE TABLE `incident_tags` (
	`incident_id` text NOT NULL,
	`tag` text NOT NULL,
	`last_seen` text NOT NULL,
	PRIMARY KEY(`incident_id`, `tag`)
);
--> statement-breakpoint
CREATE INDEX `incident_tags_tag_idx` ON `incident_tags` (`tag`,`last_seen`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`subscription_id` text NOT NULL,
	`incident_id` text NOT NULL,
	`change_id` text NOT NULL,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_error` text,
	`created_at` text NOT NULL,
	`delivered_at` text
);
--> statement-breakpoint
CREATE INDEX `notifications_due_idx` ON `notifications` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `notifications_subscription_idx` ON `notifications` (`subscription_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`id` text PRIMARY KEY NOT NULL,
	`topic` text NOT NULL,
	`channel` text NOT NULL,
	`target` text NOT NULL,
	`secret_enc` text,
	`mode` text DEFAULT 'immediate' NOT NULL,
	`status` text NOT NULL,
	`disabled_reason` text,
	`confirm_token_hash` text,
	`consecutive_failures` integer DEFAULT 0 NOT NULL,
	`key_id` text,
	`created_at` text NOT NULL,
	`confirmed_at` text,
	`last_digest_at` text
);
--> statement-breakpoint
CREATE INDEX `subscriptions_topic_idx` ON `subscriptions` (`topic`,`status`);--> statement-breakpoint
CREATE TABLE `watchlists` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`format` text NOT NULL,
	`packages` text NOT NULL,
	`key_id` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `incidents` ADD `tags` text DEFAULT '[]' NOT NULL;