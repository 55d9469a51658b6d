CREATE TABLE `payment_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`stripe_credentials` blob,
	`paypay_credentials` blob,
	`updated_at` integer NOT NULL
);
