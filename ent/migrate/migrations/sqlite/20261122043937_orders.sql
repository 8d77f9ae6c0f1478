-- Create "offers" table
CREATE TABLE `offers` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `catalog` text NOT NULL, `sku` text NOT NULL, `name` text NOT NULL, `publisher` text NOT NULL DEFAULT ('Microsoft'), `term_months` integer NOT NULL, `billing_frequency` text NOT NULL, `min_quantity` integer NOT NULL DEFAULT (1), `max_quantity` integer NOT NULL DEFAULT (10000), `active` bool NOT NULL DEFAULT (true), PRIMARY KEY (`id`));
-- Create index "offers_sku_key" to table: "offers"
CREATE UNIQUE INDEX `offers_sku_key` ON `offers` (`sku`);
-- Create index "offer_catalog_name" to table: "offers"
CREATE INDEX `offer_catalog_name` ON `offers` (`catalog`, `name`);
-- Create "orders" table
CREATE TABLE `orders` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `partner_id` text NOT NULL, `customer_id` text NOT NULL, `placed_by_id` text NULL, PRIMARY KEY (`id`), CONSTRAINT `orders_customers_orders` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `orders_users_placed_by` FOREIGN KEY (`placed_by_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- Create index "order_partner_id_customer_id_created_at" to table: "orders"
CREATE INDEX `order_partner_id_customer_id_created_at` ON `orders` (`partner_id`, `customer_id`, `created_at`);
-- Create "subscriptions" table
CREATE TABLE `subscriptions` (`id` text NOT NULL, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `partner_id` text NOT NULL, `quantity` integer NOT NULL, `term_end` datetime NOT NULL, `auto_renew` bool NOT NULL DEFAULT (true), `status` text NOT NULL DEFAULT ('ACTIVE'), `renewals` integer NOT NULL DEFAULT (0), `customer_id` text NOT NULL, `order_id` text NULL, `offer_id` text NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `subscriptions_customers_subscriptions` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `subscriptions_orders_subscriptions` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE SET NULL, CONSTRAINT `subscriptions_offers_offer` FOREIGN KEY (`offer_id`) REFERENCES `offers` (`id`) ON DELETE NO ACTION);
-- Create index "subscription_partner_id_customer_id_status" to table: "subscriptions"
CREATE INDEX `subscription_partner_id_customer_id_status` ON `subscriptions` (`partner_id`, `customer_id`, `status`);
-- Create index "subscription_status_term_end" to table: "subscriptions"
CREATE INDEX `subscription_status_term_end` ON `subscriptions` (`status`, `term_end`);
