-- The reconciler's backoff and unattended sends held while RaaS is unavailable.
--   sent_at:       when RaaS was last called for the order (null: at created_at); the reconciler looks
--                  for it around this time.
--   next_check_at: UNKNOWN/PENDING: when the reconciler looks for it again (null: at its next pass);
--                  HELD: when it is tried again.
--   attended:      false for sends nobody is watching (batches, scheduled and approved sends): those
--                  are HELD rather than failed when RaaS certainly did not get them.
alter table reward_order add column sent_at timestamp with time zone;
alter table reward_order add column next_check_at timestamp with time zone;
alter table reward_order add column attended boolean default true not null;
alter table reward_order drop constraint reward_order_status_ck;
-- Written with OR rather than IN: H2 2.4.240 cannot evaluate an IN check from a later session.
alter table reward_order add constraint reward_order_status_ck check (status = 'PENDING' or status = 'DELIVERED'
    or status = 'FAILED' or status = 'UNKNOWN' or status = 'HELD');
create index reward_order_open_ix on reward_order (status, next_check_at);
