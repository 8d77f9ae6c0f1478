-- Each search term carries its customer's sort key, so that a search by name sorts and counts its
-- matches from the search-term index alone.
-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Create "new_search_terms" table
CREATE TABLE `new_search_terms` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `partner_id` text NOT NULL, `term` text NOT NULL, `sort_name` text NOT NULL DEFAULT (''), `customer_id` text NOT NULL, CONSTRAINT `search_terms_customers_search_terms` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION);
-- Copy rows from old table "search_terms" to new temporary table "new_search_terms", with each
-- customer's sort key
INSERT INTO `new_search_terms` (`id`, `partner_id`, `term`, `sort_name`, `customer_id`) SELECT `st`.`id`, `st`.`partner_id`, `st`.`term`, `c`.`sort_name`, `st`.`customer_id` FROM `search_terms` AS `st` JOIN `customers` AS `c` ON `c`.`id` = `st`.`customer_id`;
-- Drop "search_terms" table after copying rows
DROP TABLE `search_terms`;
-- Rename temporary table "new_search_terms" to "search_terms"
ALTER TABLE `new_search_terms` RENAME TO `search_terms`;
-- Create index "searchterm_partner_id_term_customer_id_sort_name" to table: "search_terms"
CREATE INDEX `searchterm_partner_id_term_customer_id_sort_name` ON `search_terms` (`partner_id`, `term`, `customer_id`, `sort_name`);
-- Create index "searchterm_customer_id_partner_id_term" to table: "search_terms"
CREATE UNIQUE INDEX `searchterm_customer_id_partner_id_term` ON `search_terms` (`customer_id`, `partner_id`, `term`);
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
