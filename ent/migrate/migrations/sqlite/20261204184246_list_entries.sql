-- The list's sort keys move from relationships to their own narrow table: one list entry per customer a
-- partner has an ACTIVE relationship with, carrying the customer's sort keys, with an index for each
-- sort each way. Backfilled from the ACTIVE relationships.
-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Create "new_relationships" table
CREATE TABLE `new_relationships` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `type` text NOT NULL, `status` text NOT NULL DEFAULT ('ACTIVE'), `delegated_admin` bool NOT NULL DEFAULT (false), `started_at` datetime NULL, `request_secret_hash` text NULL, `request_expires_at` datetime NULL, `removed_at` datetime NULL, `customer_id` text NOT NULL, `partner_id` text NOT NULL, `associated_partner_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `relationships_customers_relationships` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `relationships_partners_relationships` FOREIGN KEY (`partner_id`) REFERENCES `partners` (`id`) ON DELETE NO ACTION, CONSTRAINT `relationships_partners_associated_partner` FOREIGN KEY (`associated_partner_id`) REFERENCES `partners` (`id`) ON DELETE SET NULL);
-- Copy rows from old table "relationships" to new temporary table "new_relationships"
INSERT INTO `new_relationships` (`id`, `created_at`, `updated_at`, `version`, `type`, `status`, `delegated_admin`, `started_at`, `request_secret_hash`, `request_expires_at`, `removed_at`, `customer_id`, `partner_id`, `associated_partner_id`) SELECT `id`, `created_at`, `updated_at`, `version`, `type`, `status`, `delegated_admin`, `started_at`, `request_secret_hash`, `request_expires_at`, `removed_at`, `customer_id`, `partner_id`, `associated_partner_id` FROM `relationships`;
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
-- Create "list_entries" table
CREATE TABLE `list_entries` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `partner_id` text NOT NULL, `sort_name` text NOT NULL, `customer_created_at` datetime NOT NULL, `country` text NOT NULL, `primary_domain` text NOT NULL, `customer_id` text NOT NULL, CONSTRAINT `list_entries_customers_list_entries` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION);
-- Create index "listentry_customer_id_partner_id" to table: "list_entries"
CREATE UNIQUE INDEX `listentry_customer_id_partner_id` ON `list_entries` (`customer_id`, `partner_id`);
-- Create index "listentry_partner_id_sort_name_customer_id" to table: "list_entries"
CREATE INDEX `listentry_partner_id_sort_name_customer_id` ON `list_entries` (`partner_id`, `sort_name`, `customer_id`);
-- Create index "listentry_partner_id_sort_name_desc_customer_id" to table: "list_entries"
CREATE INDEX `listentry_partner_id_sort_name_desc_customer_id` ON `list_entries` (`partner_id`, `sort_name` DESC, `customer_id`);
-- Create index "listentry_partner_id_customer_created_at_customer_id" to table: "list_entries"
CREATE INDEX `listentry_partner_id_customer_created_at_customer_id` ON `list_entries` (`partner_id`, `customer_created_at`, `customer_id`);
-- Create index "listentry_partner_id_customer_created_at_desc_customer_id" to table: "list_entries"
CREATE INDEX `listentry_partner_id_customer_created_at_desc_customer_id` ON `list_entries` (`partner_id`, `customer_created_at` DESC, `customer_id`);
-- Create index "listentry_partner_id_country_customer_id" to table: "list_entries"
CREATE INDEX `listentry_partner_id_country_customer_id` ON `list_entries` (`partner_id`, `country`, `customer_id`);
-- Create index "listentry_partner_id_country_desc_customer_id" to table: "list_entries"
CREATE INDEX `listentry_partner_id_country_desc_customer_id` ON `list_entries` (`partner_id`, `country` DESC, `customer_id`);
-- Create index "listentry_partner_id_primary_domain_customer_id" to table: "list_entries"
CREATE INDEX `listentry_partner_id_primary_domain_customer_id` ON `list_entries` (`partner_id`, `primary_domain`, `customer_id`);
-- Create index "listentry_partner_id_primary_domain_desc_customer_id" to table: "list_entries"
CREATE INDEX `listentry_partner_id_primary_domain_desc_customer_id` ON `list_entries` (`partner_id`, `primary_domain` DESC, `customer_id`);
-- Backfill "list_entries"
INSERT INTO `list_entries` (`partner_id`, `customer_id`, `sort_name`, `customer_created_at`, `country`, `primary_domain`) SELECT `r`.`partner_id`, `c`.`id`, `c`.`sort_name`, `c`.`created_at`, `c`.`country`, `c`.`primary_domain` FROM (SELECT DISTINCT `partner_id`, `customer_id` FROM `relationships` WHERE `status` = 'ACTIVE') AS `r` JOIN `customers` AS `c` ON `c`.`id` = `r`.`customer_id`;
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
