-- Create "activities" table
CREATE TABLE `activities` (`id` text NOT NULL, `occurred_at` datetime NOT NULL, `partner_id` text NOT NULL, `resource_type` text NOT NULL, `resource_id` text NULL, `operation` text NOT NULL, `before` json NULL, `after` json NULL, `succeeded` bool NOT NULL, `error_code` text NULL, `error_message` text NULL, `user_id` text NULL, `customer_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `activities_users_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `activities_customers_customer` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE SET NULL);
-- Create index "activity_partner_id_occurred_at_id" to table: "activities"
CREATE INDEX `activity_partner_id_occurred_at_id` ON `activities` (`partner_id`, `occurred_at`, `id`);
-- Create index "activity_partner_id_customer_id_occurred_at" to table: "activities"
CREATE INDEX `activity_partner_id_customer_id_occurred_at` ON `activities` (`partner_id`, `customer_id`, `occurred_at`);
-- Create index "activity_partner_id_resource_type_occurred_at" to table: "activities"
CREATE INDEX `activity_partner_id_resource_type_occurred_at` ON `activities` (`partner_id`, `resource_type`, `occurred_at`);
