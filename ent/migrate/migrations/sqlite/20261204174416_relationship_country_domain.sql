-- Each relationship carries its customer's country and primary domain too, so that a partner's list
-- by country or by domain is a range of its ACTIVE relationships, like by name and by creation.
-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Create "new_relationships" table
CREATE TABLE `new_relationships` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `type` text NOT NULL, `status` text NOT NULL DEFAULT ('ACTIVE'), `delegated_admin` bool NOT NULL DEFAULT (false), `started_at` datetime NULL, `request_secret_hash` text NULL, `request_expires_at` datetime NULL, `removed_at` datetime NULL, `sort_name` text NOT NULL DEFAULT (''), `customer_created_at` datetime NULL, `customer_country` text NOT NULL DEFAULT (''), `customer_domain` text NOT NULL DEFAULT (''), `customer_id` text NOT NULL, `partner_id` text NOT NULL, `associated_partner_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `relationships_customers_relationships` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `relationships_partners_relationships` FOREIGN KEY (`partner_id`) REFERENCES `partners` (`id`) ON DELETE NO ACTION, CONSTRAINT `relationships_partners_associated_partner` FOREIGN KEY (`associated_partner_id`) REFERENCES `partners` (`id`) ON DELETE SET NULL);
-- Copy rows from old table "relationships" to new temporary table "new_relationships", with each
-- customer's country and domain
INSERT INTO `new_relationships` (`id`, `created_at`, `updated_at`, `version`, `type`, `status`, `delegated_admin`, `started_at`, `request_secret_hash`, `request_expires_at`, `removed_at`, `sort_name`, `customer_created_at`, `customer_id`, `partner_id`, `associated_partner_id`, `customer_country`, `customer_domain`) SELECT `r`.`id`, `r`.`created_at`, `r`.`updated_at`, `r`.`version`, `r`.`type`, `r`.`status`, `r`.`delegated_admin`, `r`.`started_at`, `r`.`request_secret_hash`, `r`.`request_expires_at`, `r`.`removed_at`, `r`.`sort_name`, `r`.`customer_created_at`, `r`.`customer_id`, `r`.`partner_id`, `r`.`associated_partner_id`, `c`.`country`, `c`.`primary_domain` FROM `relationships` AS `r` JOIN `customers` AS `c` ON `c`.`id` = `r`.`customer_id`;
-- Drop "relationships" table after copying rows
DROP TABLE `relationships`;
-- Rename temporary table "new_relationships" to "relationships"
ALTER TABLE `new_relationships` RENAME TO `relationships`;
-- Create index "relationships_request_secret_hash_key" to table: "relationships"
CREATE UNIQUE INDEX `relationships_request_secret_hash_key` ON `relationships` (`request_secret_hash`);
-- Create index "relationship_partner_id_status_customer_id" to table: "relationships"
CREATE INDEX `relationship_partner_id_status_customer_id` ON `relationships` (`partner_id`, `status`, `customer_id`);
-- Create index "relationship_partner_id_status_sort_name_customer_id" to table: "relationships"
CREATE INDEX `relationship_partner_id_status_sort_name_customer_id` ON `relationships` (`partner_id`, `status`, `sort_name`, `customer_id`);
-- Create index "relationship_partner_id_status_sort_name_desc_customer_id" to table: "relationships"
CREATE INDEX `relationship_partner_id_status_sort_name_desc_customer_id` ON `relationships` (`partner_id`, `status`, `sort_name` DESC, `customer_id`);
-- Create index "relationship_partner_id_status_customer_created_at_customer_id" to table: "relationships"
CREATE INDEX `relationship_partner_id_status_customer_created_at_customer_id` ON `relationships` (`partner_id`, `status`, `customer_created_at`, `customer_id`);
-- Create index "relationship_listed_created_desc" to table: "relationships"
CREATE INDEX `relationship_listed_created_desc` ON `relationships` (`partner_id`, `status`, `customer_created_at` DESC, `customer_id`);
-- Create index "relationship_listed_country" to table: "relationships"
CREATE INDEX `relationship_listed_country` ON `relationships` (`partner_id`, `status`, `customer_country`, `customer_id`);
-- Create index "relationship_listed_country_desc" to table: "relationships"
CREATE INDEX `relationship_listed_country_desc` ON `relationships` (`partner_id`, `status`, `customer_country` DESC, `customer_id`);
-- Create index "relationship_listed_domain" to table: "relationships"
CREATE INDEX `relationship_listed_domain` ON `relationships` (`partner_id`, `status`, `customer_domain`, `customer_id`);
-- Create index "relationship_listed_domain_desc" to table: "relationships"
CREATE INDEX `relationship_listed_domain_desc` ON `relationships` (`partner_id`, `status`, `customer_domain` DESC, `customer_id`);
-- Create index "relationship_customer_id_partner_id" to table: "relationships"
CREATE INDEX `relationship_customer_id_partner_id` ON `relationships` (`customer_id`, `partner_id`);
-- Create index "relationship_partner_id_associated_partner_id" to table: "relationships"
CREATE INDEX `relationship_partner_id_associated_partner_id` ON `relationships` (`partner_id`, `associated_partner_id`);
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
