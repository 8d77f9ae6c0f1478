-- Each relationship carries its customer's creation time too, so that a partner's list newest (or
-- oldest) first is a range of its ACTIVE relationships, wherever its customers fall among all.
-- Modify "relationships" table: the new column (an instant change)
ALTER TABLE `relationships` ADD COLUMN `customer_created_at` datetime(6) NULL;
-- Copy each customer's creation time to its relationships
UPDATE `relationships` AS `r` JOIN `customers` AS `c` ON `c`.`id` = `r`.`customer_id` SET `r`.`customer_created_at` = `c`.`created_at`;
-- The list's indexes: the partner's relationships of a status by the customers' creation, both ways
ALTER TABLE `relationships` ADD INDEX `relationship_listed_created_desc` (`partner_id`, `status`, `customer_created_at` DESC, `customer_id`), ADD INDEX `relationship_partner_id_status_customer_created_at_customer_id` (`partner_id`, `status`, `customer_created_at`, `customer_id`);
