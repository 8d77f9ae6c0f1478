-- Tag prefixes: the search prefixes of each tagged customer once per tag (for the tag's partner), so a
-- short word with a tag filter reads its page and counts its total from one index range. Backfilled
-- from the tag links and the search prefixes of the tag's partner.
-- Create "tag_prefixes" table
CREATE TABLE `tag_prefixes` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `partner_id` text NOT NULL, `tag_id` text NOT NULL, `prefix` text NOT NULL, `sort_name` text NOT NULL, `customer_id` text NOT NULL, CONSTRAINT `tag_prefixes_customers_tag_prefixes` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION);
-- Create index "tagprefix_partner_id_tag_id_prefix_sort_name_customer_id" to table: "tag_prefixes"
CREATE UNIQUE INDEX `tagprefix_partner_id_tag_id_prefix_sort_name_customer_id` ON `tag_prefixes` (`partner_id`, `tag_id`, `prefix`, `sort_name`, `customer_id`);
-- Create index "tagprefix_partner_id_tag_id_prefix_sort_name_desc_customer_id" to table: "tag_prefixes"
CREATE INDEX `tagprefix_partner_id_tag_id_prefix_sort_name_desc_customer_id` ON `tag_prefixes` (`partner_id`, `tag_id`, `prefix`, `sort_name` DESC, `customer_id`);
-- Create index "tagprefix_customer_id_tag_id" to table: "tag_prefixes"
CREATE INDEX `tagprefix_customer_id_tag_id` ON `tag_prefixes` (`customer_id`, `tag_id`);
-- Backfill "tag_prefixes"
INSERT INTO `tag_prefixes` (`partner_id`, `tag_id`, `prefix`, `sort_name`, `customer_id`) SELECT `sp`.`partner_id`, `ct`.`tag_id`, `sp`.`prefix`, `sp`.`sort_name`, `sp`.`customer_id` FROM `customer_tags` AS `ct` JOIN `tags` AS `t` ON `t`.`id` = `ct`.`tag_id` JOIN `search_prefixes` AS `sp` ON `sp`.`customer_id` = `ct`.`customer_id` AND `sp`.`partner_id` = `t`.`partner_id`;
