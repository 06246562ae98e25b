-- The sandbox's columns hold whatever the RaaS v1 schemas accept, so a valid request is never refused
-- by the database:
-- - the schemas' maxLength counts characters (code points); H2 counts UTF-16 units, in which one
--   character can take two, so a limit of N characters needs a column of 2N;
-- - email addresses have a pattern but no length: their columns take up to 1 MiB characters, more
--   than the largest request body the sandbox reads (accolade.raas.sandbox.max-body-bytes, 64 KiB).
alter table sandbox_account alter column customer set data type varchar(192);
alter table sandbox_account alter column email set data type varchar(1048576);
alter table sandbox_order alter column customer set data type varchar(192);
alter table sandbox_order alter column recipient_name set data type varchar(510);
alter table sandbox_order alter column recipient_email set data type varchar(1048576);
alter table sandbox_order alter column reward_subject set data type varchar(510);
alter table sandbox_order alter column reward_message set data type varchar(510);
alter table sandbox_order alter column reward_from set data type varchar(510);
alter table sandbox_card alter column customer set data type varchar(192);
alter table sandbox_fund alter column customer set data type varchar(192);
