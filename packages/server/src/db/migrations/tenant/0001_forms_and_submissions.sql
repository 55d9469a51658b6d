CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`form_id` text NOT NULL,
	`field_id` text NOT NULL,
	`submission_id` text,
	`name` text NOT NULL,
	`size` integer NOT NULL,
	`type` text NOT NULL,
	`sha256` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`form_id`) REFERENCES `forms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_submission` ON `attachments` (`submission_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`target_type` text,
	`target_id` text,
	`ip` text,
	`details` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `email_verifications` (
	`id` text PRIMARY KEY NOT NULL,
	`form_id` text NOT NULL,
	`email` text NOT NULL,
	`code_hash` blob NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`verified_at` integer,
	FOREIGN KEY (`form_id`) REFERENCES `forms`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `form_versions` (
	`form_id` text NOT NULL,
	`version` integer NOT NULL,
	`definition` text NOT NULL,
	`published_at` integer NOT NULL,
	`published_by` text NOT NULL,
	FOREIGN KEY (`form_id`) REFERENCES `forms`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `form_versions_pk` ON `form_versions` (`form_id`,`version`);--> statement-breakpoint
CREATE TABLE `forms` (
	`id` text PRIMARY KEY NOT NULL,
	`department_id` text NOT NULL,
	`title` text NOT NULL,
	`status` text NOT NULL,
	`draft` text NOT NULL,
	`published_version` integer,
	`access_key` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `forms_department` ON `forms` (`department_id`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`event_key` text NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`claimed_until` integer,
	`sent_at` integer,
	`last_error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_event_key_unique` ON `outbox` (`event_key`);--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`sent_at`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `submission_events` (
	`id` text PRIMARY KEY NOT NULL,
	`submission_id` text NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`staff_id` text,
	`action` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`message` text,
	`fields_to_fix` text,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `submission_events_submission` ON `submission_events` (`submission_id`,`at`);--> statement-breakpoint
CREATE TABLE `submission_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`submission_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`at` integer NOT NULL,
	`body` text NOT NULL,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `submission_notes_submission` ON `submission_notes` (`submission_id`,`at`);--> statement-breakpoint
CREATE TABLE `submission_revisions` (
	`submission_id` text NOT NULL,
	`revision` integer NOT NULL,
	`answers` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `submission_revisions_pk` ON `submission_revisions` (`submission_id`,`revision`);--> statement-breakpoint
CREATE TABLE `submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`form_id` text NOT NULL,
	`form_version` integer NOT NULL,
	`reference_number` text NOT NULL,
	`state` text NOT NULL,
	`payment_state` text NOT NULL,
	`access_secret_hash` blob NOT NULL,
	`applicant_email` text,
	`search_name` text,
	`person_key` text,
	`client_token` text,
	`holds_place` integer NOT NULL,
	`current_revision` integer NOT NULL,
	`proxy_staff_id` text,
	`payment_deadline` integer,
	`submitted_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`form_id`) REFERENCES `forms`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `submissions_reference_number_unique` ON `submissions` (`reference_number`);--> statement-breakpoint
CREATE INDEX `submissions_form_state` ON `submissions` (`form_id`,`state`);--> statement-breakpoint
CREATE UNIQUE INDEX `submissions_client_token` ON `submissions` (`form_id`,`client_token`);--> statement-breakpoint
CREATE UNIQUE INDEX `submissions_person` ON `submissions` (`form_id`,`person_key`) WHERE "submissions"."person_key" IS NOT NULL AND "submissions"."holds_place" = 1;