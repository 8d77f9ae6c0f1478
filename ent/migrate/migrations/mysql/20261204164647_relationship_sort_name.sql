-- Each relationship carries its customer's sort key, so that a partner's list by name is a range of its
-- ACTIVE relationships, whatever its share of all customers.
-- Modify "relationships" table: the new column (an instant change)
ALTER TABLE `relationships` ADD COLUMN `sort_name` varchar(255) NOT NULL DEFAULT '';
-- Copy each customer's sort key to its relationships
UPDATE `relationships` AS `r` JOIN `customers` AS `c` ON `c`.`id` = `r`.`customer_id` SET `r`.`sort_name` = `c`.`sort_name`;
-- The list's index: the partner's relationships of a status by sort key
ALTER TABLE `relationships` ADD INDEX `relationship_partner_id_status_sort_name_customer_id` (`partner_id`, `status`, `sort_name`, `customer_id`);
