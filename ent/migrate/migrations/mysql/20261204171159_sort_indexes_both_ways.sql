-- Every list sort in both directions: the cursors break ties by ID ascending whichever way the key
-- goes, so Z to A needs (key DESC, id); and (primary_domain, id) for the domain sort.
-- Modify "customers" table
ALTER TABLE `customers` ADD INDEX `customer_country_desc_id` (`country` DESC, `id`), ADD INDEX `customer_created_at_desc_id` (`created_at` DESC, `id`), ADD INDEX `customer_primary_domain_desc_id` (`primary_domain` DESC, `id`), ADD INDEX `customer_primary_domain_id` (`primary_domain`, `id`), ADD INDEX `customer_sort_name_desc_id` (`sort_name` DESC, `id`);
-- Modify "relationships" table
ALTER TABLE `relationships` ADD INDEX `relationship_partner_id_status_sort_name_desc_customer_id` (`partner_id`, `status`, `sort_name` DESC, `customer_id`);
