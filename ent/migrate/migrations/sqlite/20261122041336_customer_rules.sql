-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Create "new_customers" table
CREATE TABLE `new_customers` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `microsoft_id` text NOT NULL, `company_name` text NOT NULL, `display_name` text NOT NULL, `sort_name` text NOT NULL, `primary_domain` text NOT NULL, `country` text NOT NULL, `language` text NOT NULL, `culture` text NOT NULL, `registration_id` text NULL, `verification_status` text NOT NULL DEFAULT ('UNDER_REVIEW'), `verification_reasons` json NULL, `verification_changed_at` datetime NULL, `qualification` text NOT NULL DEFAULT ('NONE'), `allow_azure_reservations` bool NOT NULL DEFAULT (false), `allow_azure_savings_plan` bool NOT NULL DEFAULT (false), `cost_visibility` text NOT NULL DEFAULT ('NOT_ALLOWED'), `default_gdap` bool NOT NULL DEFAULT (true), `creation_key` text NULL, `review_claimed_until` datetime NULL, PRIMARY KEY (`id`));
-- Copy rows from old table "customers" to new temporary table "new_customers"
INSERT INTO `new_customers` (`id`, `created_at`, `updated_at`, `version`, `microsoft_id`, `company_name`, `display_name`, `sort_name`, `primary_domain`, `country`, `language`, `culture`, `registration_id`, `verification_status`, `verification_reasons`, `verification_changed_at`, `qualification`, `allow_azure_reservations`, `allow_azure_savings_plan`, `cost_visibility`, `default_gdap`) SELECT `id`, `created_at`, `updated_at`, `version`, `microsoft_id`, `company_name`, `display_name`, `sort_name`, `primary_domain`, `country`, `language`, `culture`, `registration_id`, `verification_status`, `verification_reasons`, `verification_changed_at`, `qualification`, `allow_azure_reservations`, `allow_azure_savings_plan`, `cost_visibility`, `default_gdap` FROM `customers`;
-- Drop "customers" table after copying rows
DROP TABLE `customers`;
-- Rename temporary table "new_customers" to "customers"
ALTER TABLE `new_customers` RENAME TO `customers`;
-- Create index "customers_microsoft_id_key" to table: "customers"
CREATE UNIQUE INDEX `customers_microsoft_id_key` ON `customers` (`microsoft_id`);
-- Create index "customers_primary_domain_key" to table: "customers"
CREATE UNIQUE INDEX `customers_primary_domain_key` ON `customers` (`primary_domain`);
-- Create index "customers_creation_key_key" to table: "customers"
CREATE UNIQUE INDEX `customers_creation_key_key` ON `customers` (`creation_key`);
-- Create index "customer_sort_name_id" to table: "customers"
CREATE INDEX `customer_sort_name_id` ON `customers` (`sort_name`, `id`);
-- Create index "customer_country_id" to table: "customers"
CREATE INDEX `customer_country_id` ON `customers` (`country`, `id`);
-- Create index "customer_created_at_id" to table: "customers"
CREATE INDEX `customer_created_at_id` ON `customers` (`created_at`, `id`);
-- Create index "customer_verification_status_review_claimed_until" to table: "customers"
CREATE INDEX `customer_verification_status_review_claimed_until` ON `customers` (`verification_status`, `review_claimed_until`);
-- Create "new_relationships" table
CREATE TABLE `new_relationships` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `type` text NOT NULL, `status` text NOT NULL DEFAULT ('ACTIVE'), `delegated_admin` bool NOT NULL DEFAULT (false), `started_at` datetime NULL, `request_secret_hash` text NULL, `request_expires_at` datetime NULL, `removed_at` datetime NULL, `customer_id` text NOT NULL, `partner_id` text NOT NULL, `associated_partner_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `relationships_customers_relationships` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `relationships_partners_relationships` FOREIGN KEY (`partner_id`) REFERENCES `partners` (`id`) ON DELETE NO ACTION, CONSTRAINT `relationships_partners_associated_partner` FOREIGN KEY (`associated_partner_id`) REFERENCES `partners` (`id`) ON DELETE SET NULL);
-- Copy rows from old table "relationships" to new temporary table "new_relationships"
INSERT INTO `new_relationships` (`id`, `created_at`, `updated_at`, `version`, `type`, `status`, `delegated_admin`, `started_at`, `customer_id`, `partner_id`, `associated_partner_id`) SELECT `id`, `created_at`, `updated_at`, `version`, `type`, `status`, `delegated_admin`, `started_at`, `customer_id`, `partner_id`, `associated_partner_id` FROM `relationships`;
-- Drop "relationships" table after copying rows
DROP TABLE `relationships`;
-- Rename temporary table "new_relationships" to "relationships"
ALTER TABLE `new_relationships` RENAME TO `relationships`;
-- Create index "relationships_request_secret_hash_key" to table: "relationships"
CREATE UNIQUE INDEX `relationships_request_secret_hash_key` ON `relationships` (`request_secret_hash`);
-- Create index "relationship_partner_id_status_customer_id" to table: "relationships"
CREATE INDEX `relationship_partner_id_status_customer_id` ON `relationships` (`partner_id`, `status`, `customer_id`);
-- Create index "relationship_customer_id_partner_id" to table: "relationships"
CREATE INDEX `relationship_customer_id_partner_id` ON `relationships` (`customer_id`, `partner_id`);
-- Create index "relationship_partner_id_associated_partner_id" to table: "relationships"
CREATE INDEX `relationship_partner_id_associated_partner_id` ON `relationships` (`partner_id`, `associated_partner_id`);
-- Create "agreements" table
CREATE TABLE `agreements` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `partner_id` text NOT NULL, `first_name` text NOT NULL, `last_name` text NOT NULL, `email` text NOT NULL, `email_key` text NOT NULL, `phone_number` text NULL, `date_agreed` datetime NOT NULL, `confirmed_by_id` text NOT NULL, `customer_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `agreements_users_confirmed_by` FOREIGN KEY (`confirmed_by_id`) REFERENCES `users` (`id`) ON DELETE NO ACTION, CONSTRAINT `agreements_customers_agreements` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION);
-- Create index "agreement_customer_id_email_key" to table: "agreements"
CREATE UNIQUE INDEX `agreement_customer_id_email_key` ON `agreements` (`customer_id`, `email_key`);
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
