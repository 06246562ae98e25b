-- HR reporting, the audit viewer and reconciliation with RaaS (see README.md, "Reports").

-- Delivered rewards summed per calendar month (UTC), department and one dimension: ALL (the
-- department's total), BRAND, MANAGER (requester email) or RECIPIENT (lower-cased email). Kept by
-- ReportRollup in the same transaction that marks an order DELIVERED (DELIVERED is final), so the
-- reports read whole months here and only the partial months at the ends of a range from reward_order.
create table report_rollup (
    period_month   integer      not null,
    department_id  bigint       not null references department (id),
    dimension      varchar(10)  not null,
    dim_key        varchar(255) not null,
    rewards        bigint       not null,
    spend          bigint       not null,
    constraint report_rollup_pk primary key (dimension, period_month, department_id, dim_key),
    constraint report_rollup_dimension_ck check (dimension = 'ALL' or dimension = 'BRAND'
        or dimension = 'MANAGER' or dimension = 'RECIPIENT')
);

-- One row whose lock serialises rollup updates, so that "update, else insert" never races.
create table report_rollup_lock (
    id  integer not null primary key
);
insert into report_rollup_lock (id) values (1);

-- Orders delivered before this migration.
insert into report_rollup (period_month, department_id, dimension, dim_key, rewards, spend)
select m, department_id, 'ALL', '', count(*), sum(amount)
from (select cast(extract(year from created_at at time zone 'UTC') as integer) * 100
             + cast(extract(month from created_at at time zone 'UTC') as integer) as m, department_id, amount
      from reward_order where status = 'DELIVERED') o
group by m, department_id;
insert into report_rollup (period_month, department_id, dimension, dim_key, rewards, spend)
select m, department_id, 'BRAND', brand, count(*), sum(amount)
from (select cast(extract(year from created_at at time zone 'UTC') as integer) * 100
             + cast(extract(month from created_at at time zone 'UTC') as integer) as m, department_id, brand, amount
      from reward_order where status = 'DELIVERED') o
group by m, department_id, brand;
insert into report_rollup (period_month, department_id, dimension, dim_key, rewards, spend)
select m, department_id, 'MANAGER', requester_email, count(*), sum(amount)
from (select cast(extract(year from created_at at time zone 'UTC') as integer) * 100
             + cast(extract(month from created_at at time zone 'UTC') as integer) as m, department_id,
             requester_email, amount
      from reward_order where status = 'DELIVERED') o
group by m, department_id, requester_email;
insert into report_rollup (period_month, department_id, dimension, dim_key, rewards, spend)
select m, department_id, 'RECIPIENT', email, count(*), sum(amount)
from (select cast(extract(year from created_at at time zone 'UTC') as integer) * 100
             + cast(extract(month from created_at at time zone 'UTC') as integer) as m, department_id,
             lower(recipient_email) as email, amount
      from reward_order where status = 'DELIVERED') o
group by m, department_id, email;

-- The audit viewer filters by action and outcome over time.
create index audit_event_action_ix on audit_event (action, occurred_at);
create index audit_event_outcome_ix on audit_event (outcome, occurred_at);

-- Reconciliation with RaaS: each run over a period, and what it found.
create sequence reconciliation_run_seq start with 1 increment by 50;
create sequence reconciliation_item_seq start with 1 increment by 50;

create table reconciliation_run (
    id             bigint       not null primary key,
    trigger_kind   varchar(10)  not null,
    requested_by   varchar(255) not null,
    period_start   timestamp with time zone not null,
    period_end     timestamp with time zone not null,
    started_at     timestamp with time zone not null,
    finished_at    timestamp with time zone,
    status         varchar(10)  not null,
    accounts       integer      not null,
    raas_orders    integer      not null,
    local_orders   integer      not null,
    matched        integer      not null,
    raas_only      integer      not null,
    local_only     integer      not null,
    differing      integer      not null,
    error          varchar(500),
    constraint reconciliation_run_status_ck check (status = 'RUNNING' or status = 'COMPLETE' or status = 'FAILED')
);
create index reconciliation_run_started_ix on reconciliation_run (started_at);

create table reconciliation_item (
    id               bigint       not null primary key,
    run_id           bigint       not null references reconciliation_run (id),
    kind             varchar(12)  not null,
    department_id    bigint       references department (id),
    account          varchar(200) not null,
    raas_order_id    varchar(40),
    local_order_id   bigint,
    local_amount     bigint,
    raas_amount      bigint,
    local_sku        varchar(64),
    raas_sku         varchar(64),
    local_recipient  varchar(255),
    raas_recipient   varchar(255),
    occurred_at      timestamp with time zone,
    detail           varchar(500),
    constraint reconciliation_item_kind_ck check (kind = 'RAAS_ONLY' or kind = 'LOCAL_ONLY' or kind = 'DIFFERING')
);
create index reconciliation_item_run_ix on reconciliation_item (run_id, kind, id);
