-- Search prefixes: the first one and two characters of each search term, once per customer and partner,
-- in the list's order by name, so a search for a word that short reads its page and counts its total
-- from one index range. Backfilled from the search terms (the unique index drops the repeats).
-- Create "search_prefixes" table
CREATE TABLE `search_prefixes` (`id` bigint NOT NULL AUTO_INCREMENT, `partner_id` varchar(40) NOT NULL, `prefix` varchar(8) NOT NULL, `sort_name` varchar(255) NOT NULL, `customer_id` varchar(40) NOT NULL, PRIMARY KEY (`id`), INDEX `searchprefix_customer_id_partner_id` (`customer_id`, `partner_id`), UNIQUE INDEX `searchprefix_partner_id_prefix_sort_name_customer_id` (`partner_id`, `prefix`, `sort_name`, `customer_id`), INDEX `searchprefix_partner_id_prefix_sort_name_desc_customer_id` (`partner_id`, `prefix`, `sort_name` DESC, `customer_id`), CONSTRAINT `search_prefixes_customers_search_prefixes` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON UPDATE RESTRICT ON DELETE NO ACTION) CHARSET utf8mb4 COLLATE utf8mb4_bin;
-- Backfill "search_prefixes"
INSERT IGNORE INTO `search_prefixes` (`partner_id`, `customer_id`, `prefix`, `sort_name`) SELECT `partner_id`, `customer_id`, SUBSTR(`term`, 1, 1), `sort_name` FROM `search_terms`;
INSERT IGNORE INTO `search_prefixes` (`partner_id`, `customer_id`, `prefix`, `sort_name`) SELECT `partner_id`, `customer_id`, SUBSTR(`term`, 1, 2), `sort_name` FROM `search_terms` WHERE SUBSTR(`term`, 1, 2) <> SUBSTR(`term`, 1, 1);
