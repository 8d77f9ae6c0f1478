-- Search terms belong to a partner (one copy per partner with an ACTIVE relationship with the
-- customer), so that a search scans only the searching partner's terms.
-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Create "new_search_terms" table
CREATE TABLE `new_search_terms` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `partner_id` text NOT NULL, `term` text NOT NULL, `customer_id` text NOT NULL, CONSTRAINT `search_terms_customers_search_terms` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION);
-- Copy each existing term once for every partner with an ACTIVE relationship with its customer
INSERT INTO `new_search_terms` (`partner_id`, `term`, `customer_id`) SELECT DISTINCT `r`.`partner_id`, `st`.`term`, `st`.`customer_id` FROM `search_terms` AS `st` JOIN `relationships` AS `r` ON `r`.`customer_id` = `st`.`customer_id` AND `r`.`status` = 'ACTIVE';
-- Drop "search_terms" table after copying rows
DROP TABLE `search_terms`;
-- Rename temporary table "new_search_terms" to "search_terms"
ALTER TABLE `new_search_terms` RENAME TO `search_terms`;
-- Create index "searchterm_partner_id_term_customer_id" to table: "search_terms"
CREATE INDEX `searchterm_partner_id_term_customer_id` ON `search_terms` (`partner_id`, `term`, `customer_id`);
-- Create index "searchterm_customer_id_partner_id_term" to table: "search_terms"
CREATE UNIQUE INDEX `searchterm_customer_id_partner_id_term` ON `search_terms` (`customer_id`, `partner_id`, `term`);
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
