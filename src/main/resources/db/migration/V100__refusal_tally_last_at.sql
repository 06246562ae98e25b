-- When the refusal named in last_detail was made (epoch milliseconds). Refusals are counted on worker
-- threads, so two from one user can be counted out of order; "last" means last by this time.
alter table refusal_tally add column last_at bigint;
