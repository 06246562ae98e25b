-- One row per funding form that was sent to RaaS: RaaS v1 has no idempotency key for POST funds or
-- cc_fund, so a form sent twice (a double click, a retry after a slow answer, a second tab showing the
-- same page) is recognised here by its one-time token and not charged again.
create table funding_submission (
    token         varchar(64) not null primary key,
    department_id bigint      not null,
    submitted_at  timestamp with time zone not null
);
