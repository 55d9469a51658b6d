CREATE TABLE `slot_bookings` (
	`submission_id` text NOT NULL,
	`form_id` text NOT NULL,
	`field_id` text NOT NULL,
	`slot_id` text NOT NULL,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `slot_bookings_pk` ON `slot_bookings` (`submission_id`,`field_id`);--> statement-breakpoint
CREATE INDEX `slot_bookings_slot` ON `slot_bookings` (`form_id`,`field_id`,`slot_id`);