-- Each relationship carries its customer's country and primary domain too, so that a partner's list
-- by country or by domain is a range of its ACTIVE relationships, like by name and by creation.
-- Modify "relationships" table: the new columns (an instant change)
ALTER TABLE `relationships` ADD COLUMN `customer_country` varchar(2) NOT NULL DEFAULT '', ADD COLUMN `customer_domain` varchar(43) NOT NULL DEFAULT '';
-- Copy each customer's country and domain to its relationships
UPDATE `relationships` AS `r` JOIN `customers` AS `c` ON `c`.`id` = `r`.`customer_id` SET `r`.`customer_country` = `c`.`country`, `r`.`customer_domain` = `c`.`primary_domain`;
-- The list's indexes: the partner's relationships of a status by country and by domain, both ways
ALTER TABLE `relationships` ADD INDEX `relationship_listed_country` (`partner_id`, `status`, `customer_country`, `customer_id`), ADD INDEX `relationship_listed_country_desc` (`partner_id`, `status`, `customer_country` DESC, `customer_id`), ADD INDEX `relationship_listed_domain` (`partner_id`, `status`, `customer_domain`, `customer_id`), ADD INDEX `relationship_listed_domain_desc` (`partner_id`, `status`, `customer_domain` DESC, `customer_id`);
