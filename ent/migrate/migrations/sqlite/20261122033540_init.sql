-- Create "billing_profiles" table
CREATE TABLE `billing_profiles` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `company_name` text NOT NULL, `first_name` text NOT NULL, `last_name` text NOT NULL, `email` text NOT NULL, `culture` text NOT NULL, `language` text NOT NULL, `address_line1` text NOT NULL, `address_line2` text NULL, `city` text NOT NULL, `state` text NULL, `postal_code` text NULL, `country` text NOT NULL, `phone_number` text NULL, `customer_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `billing_profiles_customers_billing_profile` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION);
-- Create index "billing_profiles_customer_id_key" to table: "billing_profiles"
CREATE UNIQUE INDEX `billing_profiles_customer_id_key` ON `billing_profiles` (`customer_id`);
-- Create "customers" table
CREATE TABLE `customers` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `microsoft_id` text NOT NULL, `company_name` text NOT NULL, `display_name` text NOT NULL, `sort_name` text NOT NULL, `primary_domain` text NOT NULL, `country` text NOT NULL, `language` text NOT NULL, `culture` text NOT NULL, `registration_id` text NULL, `verification_status` text NOT NULL DEFAULT ('UNDER_REVIEW'), `verification_reasons` json NULL, `verification_changed_at` datetime NULL, `qualification` text NOT NULL DEFAULT ('NONE'), `allow_azure_reservations` bool NOT NULL DEFAULT (false), `allow_azure_savings_plan` bool NOT NULL DEFAULT (false), `cost_visibility` text NOT NULL DEFAULT ('NOT_ALLOWED'), `default_gdap` bool NOT NULL DEFAULT (true), PRIMARY KEY (`id`));
-- Create index "customers_microsoft_id_key" to table: "customers"
CREATE UNIQUE INDEX `customers_microsoft_id_key` ON `customers` (`microsoft_id`);
-- Create index "customers_primary_domain_key" to table: "customers"
CREATE UNIQUE INDEX `customers_primary_domain_key` ON `customers` (`primary_domain`);
-- Create index "customer_sort_name_id" to table: "customers"
CREATE INDEX `customer_sort_name_id` ON `customers` (`sort_name`, `id`);
-- Create index "customer_country_id" to table: "customers"
CREATE INDEX `customer_country_id` ON `customers` (`country`, `id`);
-- Create index "customer_created_at_id" to table: "customers"
CREATE INDEX `customer_created_at_id` ON `customers` (`created_at`, `id`);
-- Create index "customer_verification_status" to table: "customers"
CREATE INDEX `customer_verification_status` ON `customers` (`verification_status`);
-- Create "customer_tags" table
CREATE TABLE `customer_tags` (`created_at` datetime NOT NULL, `customer_id` text NOT NULL, `tag_id` text NOT NULL, PRIMARY KEY (`customer_id`, `tag_id`), CONSTRAINT `customer_tags_customers_customer` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `customer_tags_tags_tag` FOREIGN KEY (`tag_id`) REFERENCES `tags` (`id`) ON DELETE NO ACTION);
-- Create index "customertag_tag_id_customer_id" to table: "customer_tags"
CREATE INDEX `customertag_tag_id_customer_id` ON `customer_tags` (`tag_id`, `customer_id`);
-- Create "partners" table
CREATE TABLE `partners` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `name` text NOT NULL, `capacities` json NOT NULL, `email_domains` json NULL, `customer_count` integer NOT NULL DEFAULT (0), PRIMARY KEY (`id`));
-- Create "relationships" table
CREATE TABLE `relationships` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `type` text NOT NULL, `status` text NOT NULL DEFAULT ('ACTIVE'), `delegated_admin` bool NOT NULL DEFAULT (false), `started_at` datetime NOT NULL, `customer_id` text NOT NULL, `partner_id` text NOT NULL, `associated_partner_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `relationships_customers_relationships` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `relationships_partners_relationships` FOREIGN KEY (`partner_id`) REFERENCES `partners` (`id`) ON DELETE NO ACTION, CONSTRAINT `relationships_partners_associated_partner` FOREIGN KEY (`associated_partner_id`) REFERENCES `partners` (`id`) ON DELETE SET NULL);
-- Create index "relationship_partner_id_status_customer_id" to table: "relationships"
CREATE INDEX `relationship_partner_id_status_customer_id` ON `relationships` (`partner_id`, `status`, `customer_id`);
-- Create index "relationship_customer_id_partner_id" to table: "relationships"
CREATE INDEX `relationship_customer_id_partner_id` ON `relationships` (`customer_id`, `partner_id`);
-- Create index "relationship_partner_id_associated_partner_id" to table: "relationships"
CREATE INDEX `relationship_partner_id_associated_partner_id` ON `relationships` (`partner_id`, `associated_partner_id`);
-- Create "search_terms" table
CREATE TABLE `search_terms` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `term` text NOT NULL, `customer_id` text NOT NULL, CONSTRAINT `search_terms_customers_search_terms` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION);
-- Create index "searchterm_term_customer_id" to table: "search_terms"
CREATE INDEX `searchterm_term_customer_id` ON `search_terms` (`term`, `customer_id`);
-- Create index "searchterm_customer_id_term" to table: "search_terms"
CREATE UNIQUE INDEX `searchterm_customer_id_term` ON `search_terms` (`customer_id`, `term`);
-- Create "tags" table
CREATE TABLE `tags` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `name` text NOT NULL, `color` text NOT NULL DEFAULT ('#6b7280'), `partner_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `tags_partners_tags` FOREIGN KEY (`partner_id`) REFERENCES `partners` (`id`) ON DELETE NO ACTION);
-- Create index "tag_partner_id_name" to table: "tags"
CREATE UNIQUE INDEX `tag_partner_id_name` ON `tags` (`partner_id`, `name`);
-- Create "users" table
CREATE TABLE `users` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `email` text NOT NULL, `name` text NOT NULL, `roles` json NOT NULL, `active` bool NOT NULL DEFAULT (true), `partner_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `users_partners_users` FOREIGN KEY (`partner_id`) REFERENCES `partners` (`id`) ON DELETE NO ACTION);
-- Create index "users_email_key" to table: "users"
CREATE UNIQUE INDEX `users_email_key` ON `users` (`email`);
-- Create "partner_resellers" table
CREATE TABLE `partner_resellers` (`partner_id` text NOT NULL, `provider_id` text NOT NULL, PRIMARY KEY (`partner_id`, `provider_id`), CONSTRAINT `partner_resellers_partner_id` FOREIGN KEY (`partner_id`) REFERENCES `partners` (`id`) ON DELETE CASCADE, CONSTRAINT `partner_resellers_provider_id` FOREIGN KEY (`provider_id`) REFERENCES `partners` (`id`) ON DELETE CASCADE);
