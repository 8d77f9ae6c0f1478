-- Each search term carries its customer's sort key, so that a search by name sorts and counts its
-- matches from the search-term index alone.
-- Modify "search_terms" table: the new column (an instant change)
ALTER TABLE `search_terms` ADD COLUMN `sort_name` varchar(255) NOT NULL DEFAULT '';
-- Copy each customer's sort key to its terms
UPDATE `search_terms` AS `st` JOIN `customers` AS `c` ON `c`.`id` = `st`.`customer_id` SET `st`.`sort_name` = `c`.`sort_name`;
-- The search's index: the partner's terms by prefix, with the customer and its sort key
ALTER TABLE `search_terms` DROP INDEX `searchterm_partner_id_term_customer_id`, ADD INDEX `searchterm_partner_id_term_customer_id_sort_name` (`partner_id`, `term`, `customer_id`, `sort_name`);
