-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Create "new_users" table
CREATE TABLE `new_users` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `email` text NOT NULL, `name` text NOT NULL, `roles` json NOT NULL, `active` bool NOT NULL DEFAULT (true), `password_hash` text NULL, `failed_sign_ins` integer NOT NULL DEFAULT (0), `locked_until` datetime NULL, `last_sign_in_at` datetime NULL, `partner_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `users_partners_users` FOREIGN KEY (`partner_id`) REFERENCES `partners` (`id`) ON DELETE NO ACTION);
-- Copy rows from old table "users" to new temporary table "new_users"
INSERT INTO `new_users` (`id`, `created_at`, `updated_at`, `version`, `email`, `name`, `roles`, `active`, `partner_id`) SELECT `id`, `created_at`, `updated_at`, `version`, `email`, `name`, `roles`, `active`, `partner_id` FROM `users`;
-- Drop "users" table after copying rows
DROP TABLE `users`;
-- Rename temporary table "new_users" to "users"
ALTER TABLE `new_users` RENAME TO `users`;
-- Create index "users_email_key" to table: "users"
CREATE UNIQUE INDEX `users_email_key` ON `users` (`email`);
-- Create "invitations" table
CREATE TABLE `invitations` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `email` text NOT NULL, `roles` json NOT NULL, `secret_hash` text NOT NULL, `expires_at` datetime NOT NULL, `accepted_at` datetime NULL, `partner_id` text NOT NULL, `user_id` text NOT NULL, `invited_by_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `invitations_partners_partner` FOREIGN KEY (`partner_id`) REFERENCES `partners` (`id`) ON DELETE NO ACTION, CONSTRAINT `invitations_users_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE NO ACTION, CONSTRAINT `invitations_users_invited_by` FOREIGN KEY (`invited_by_id`) REFERENCES `users` (`id`) ON DELETE NO ACTION);
-- Create index "invitations_secret_hash_key" to table: "invitations"
CREATE UNIQUE INDEX `invitations_secret_hash_key` ON `invitations` (`secret_hash`);
-- Create "sessions" table
CREATE TABLE `sessions` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `name` text NULL, `secret_hash` text NOT NULL, `expires_at` datetime NOT NULL, `last_used_at` datetime NOT NULL, `revoked_at` datetime NULL, `user_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `sessions_users_sessions` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE NO ACTION);
-- Create index "sessions_secret_hash_key" to table: "sessions"
CREATE UNIQUE INDEX `sessions_secret_hash_key` ON `sessions` (`secret_hash`);
-- Create index "session_user_id_kind" to table: "sessions"
CREATE INDEX `session_user_id_kind` ON `sessions` (`user_id`, `kind`);
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
