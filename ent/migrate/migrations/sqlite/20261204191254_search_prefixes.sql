-- Search prefixes: the first one and two characters of each search term, once per customer and partner,
-- in the list's order by name, so a search for a word that short reads its page and counts its total
-- from one index range. Backfilled from the search terms (the unique index drops the repeats).
-- Create "search_prefixes" table
CREATE TABLE `search_prefixes` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `partner_id` text NOT NULL, `prefix` text NOT NULL, `sort_name` text NOT NULL, `customer_id` text NOT NULL, CONSTRAINT `search_prefixes_customers_search_prefixes` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION);
-- Create index "searchprefix_partner_id_prefix_sort_name_customer_id" to table: "search_prefixes"
CREATE UNIQUE INDEX `searchprefix_partner_id_prefix_sort_name_customer_id` ON `search_prefixes` (`partner_id`, `prefix`, `sort_name`, `customer_id`);
-- Create index "searchprefix_partner_id_prefix_sort_name_desc_customer_id" to table: "search_prefixes"
CREATE INDEX `searchprefix_partner_id_prefix_sort_name_desc_customer_id` ON `search_prefixes` (`partner_id`, `prefix`, `sort_name` DESC, `customer_id`);
-- Create index "searchprefix_customer_id_partner_id" to table: "search_prefixes"
CREATE INDEX `searchprefix_customer_id_partner_id` ON `search_prefixes` (`customer_id`, `partner_id`);
-- Backfill "search_prefixes"
INSERT OR IGNORE INTO `search_prefixes` (`partner_id`, `customer_id`, `prefix`, `sort_name`) SELECT `partner_id`, `customer_id`, SUBSTR(`term`, 1, 1), `sort_name` FROM `search_terms`;
INSERT OR IGNORE INTO `search_prefixes` (`partner_id`, `customer_id`, `prefix`, `sort_name`) SELECT `partner_id`, `customer_id`, SUBSTR(`term`, 1, 2), `sort_name` FROM `search_terms` WHERE SUBSTR(`term`, 1, 2) <> SUBSTR(`term`, 1, 1);
