-- A card whose face value is in another currency than the account's US dollars (Amazon.com Canada,
-- iTunes Australia): its face value in cents of that currency and the currency's code, from the
-- catalog's denomination and currency_code when it was sent. amount stays what the department paid,
-- in US cents. Null for a US card and a variable-price one.
alter table reward_order add column face_value bigint;
alter table reward_order add column face_currency varchar(3);
