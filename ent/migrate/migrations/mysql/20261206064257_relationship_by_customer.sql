-- A customer's relationships by customer, partner, status and type: the list's relationships and the
-- row-wise visibility check (rule.RowwiseVisible) read only this index. It replaces the index on
-- (customer_id, partner_id), which it covers.
-- Modify "relationships" table
ALTER TABLE `relationships` DROP INDEX `relationship_customer_id_partner_id`, ADD INDEX `relationship_customer_id_partner_id_status_type` (`customer_id`, `partner_id`, `status`, `type`);
