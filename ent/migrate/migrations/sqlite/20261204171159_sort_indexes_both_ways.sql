-- Every list sort in both directions: the cursors break ties by ID ascending whichever way the key
-- goes, so Z to A needs (key DESC, id); and (primary_domain, id) for the domain sort.
-- Create index "customer_primary_domain_id" to table: "customers"
CREATE INDEX `customer_primary_domain_id` ON `customers` (`primary_domain`, `id`);
-- Create index "customer_sort_name_desc_id" to table: "customers"
CREATE INDEX `customer_sort_name_desc_id` ON `customers` (`sort_name` DESC, `id`);
-- Create index "customer_country_desc_id" to table: "customers"
CREATE INDEX `customer_country_desc_id` ON `customers` (`country` DESC, `id`);
-- Create index "customer_created_at_desc_id" to table: "customers"
CREATE INDEX `customer_created_at_desc_id` ON `customers` (`created_at` DESC, `id`);
-- Create index "customer_primary_domain_desc_id" to table: "customers"
CREATE INDEX `customer_primary_domain_desc_id` ON `customers` (`primary_domain` DESC, `id`);
-- Create index "relationship_partner_id_status_sort_name_desc_customer_id" to table: "relationships"
CREATE INDEX `relationship_partner_id_status_sort_name_desc_customer_id` ON `relationships` (`partner_id`, `status`, `sort_name` DESC, `customer_id`);
