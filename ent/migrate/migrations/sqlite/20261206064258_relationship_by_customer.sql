-- A customer's relationships by customer, partner, status and type: the list's relationships and the
-- row-wise visibility check (rule.RowwiseVisible) read only this index. It replaces the index on
-- (customer_id, partner_id), which it covers.
-- Drop index "relationship_customer_id_partner_id" from table: "relationships"
DROP INDEX `relationship_customer_id_partner_id`;
-- Create index "relationship_customer_id_partner_id_status_type" to table: "relationships"
CREATE INDEX `relationship_customer_id_partner_id_status_type` ON `relationships` (`customer_id`, `partner_id`, `status`, `type`);
