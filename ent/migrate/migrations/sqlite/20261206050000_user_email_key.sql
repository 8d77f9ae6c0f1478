-- Users' email addresses are stored trimmed and lower-cased (rule.EmailKey), so sign-in and the
-- "already has an account" check find them through the unique index instead of comparing every user's
-- address without regard to case. Addresses that differ only in case were refused before this.
UPDATE `users` SET `email` = LOWER(TRIM(`email`)) WHERE `email` <> LOWER(TRIM(`email`));
