CREATE TABLE `template_catalog` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`category` text NOT NULL,
	`definition` text NOT NULL,
	`shared_by` text NOT NULL,
	`shared_at` integer NOT NULL
);
