-- Search terms belong to a partner (one copy per partner with an ACTIVE relationship with the
-- customer), so that a search scans only the searching partner's terms.
-- Modify "search_terms" table: the partner column, and the new unique index in place of the old one
ALTER TABLE `search_terms` ADD COLUMN `partner_id` varchar(40) NOT NULL, DROP INDEX `searchterm_customer_id_term`, ADD UNIQUE INDEX `searchterm_customer_id_partner_id_term` (`customer_id`, `partner_id`, `term`);
-- Copy each existing term once for every partner with an ACTIVE relationship with its customer
INSERT INTO `search_terms` (`customer_id`, `partner_id`, `term`) SELECT DISTINCT `st`.`customer_id`, `r`.`partner_id`, `st`.`term` FROM `search_terms` AS `st` JOIN `relationships` AS `r` ON `r`.`customer_id` = `st`.`customer_id` AND `r`.`status` = 'ACTIVE' WHERE `st`.`partner_id` = '';
-- Drop the terms that belonged to no partner
DELETE FROM `search_terms` WHERE `partner_id` = '';
-- The search's index: the partner's terms by prefix
ALTER TABLE `search_terms` DROP INDEX `searchterm_term_customer_id`, ADD INDEX `searchterm_partner_id_term_customer_id` (`partner_id`, `term`, `customer_id`);
