-- A registered card's number is never stored. To refuse the same card registered twice to one account
-- (RaaS's CC_DUPEREGISTER), the sandbox keeps a fingerprint of it: HMAC-SHA256 of the number under the
-- platform's key, 64 hexadecimal characters. Cards registered before this column existed have none.
alter table sandbox_card add column card_fingerprint varchar(64);
create index sandbox_card_account_ix on sandbox_card (platform, account_identifier, card_fingerprint);
