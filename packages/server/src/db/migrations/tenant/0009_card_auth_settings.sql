CREATE TABLE `card_auth_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`provider` text,
	`issuer` text,
	`client_id` text,
	`client_key` blob,
	`updated_at` integer NOT NULL
);
