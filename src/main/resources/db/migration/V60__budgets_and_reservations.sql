-- Recognition budgets: a department's budget for one period (a month, a quarter or a year of the
-- fiscal calendar), optionally split into per-manager allowances, and one reservation row per reward
-- that is charged to a budget.
--
-- Remaining = amount - settled - reserved. It is changed only by guarded single statements
-- (update budget set reserved = reserved + :a where id = :id and amount - settled - reserved >= :a),
-- and the checks below keep every figure at zero or above even if a statement were ever wrong.
-- A reservation row moves RESERVED -> SETTLED (the order was delivered) or RESERVED -> RELEASED (the
-- order failed, the request was rejected or expired) by a conditional update, exactly once.

create sequence budget_seq start with 1 increment by 50;
create sequence budget_allowance_seq start with 1 increment by 50;
create sequence budget_reservation_seq start with 1 increment by 50;

create table budget (
    id              bigint      not null primary key,
    department_id   bigint      not null references department (id),
    period_kind     varchar(10) not null,
    period_start    date        not null,
    -- the first day after the period
    period_end      date        not null,
    amount          bigint      not null,
    reserved        bigint      not null default 0,
    settled         bigint      not null default 0,
    created_at      timestamp with time zone not null,
    constraint budget_period_uk unique (department_id, period_start),
    constraint budget_kind_ck check (period_kind = 'MONTH' or period_kind = 'QUARTER' or period_kind = 'YEAR'),
    constraint budget_dates_ck check (period_end > period_start),
    constraint budget_money_ck check (amount >= 0 and reserved >= 0 and settled >= 0
        and reserved + settled <= amount)
);

create table budget_allowance (
    id              bigint not null primary key,
    budget_id       bigint not null references budget (id),
    user_id         bigint not null references app_user (id),
    amount          bigint not null,
    reserved        bigint not null default 0,
    settled         bigint not null default 0,
    constraint budget_allowance_uk unique (budget_id, user_id),
    constraint budget_allowance_money_ck check (amount >= 0 and reserved >= 0 and settled >= 0
        and reserved + settled <= amount)
);

create table budget_reservation (
    id              bigint      not null primary key,
    -- the send's one-time token (a form's, or an approval request's): one reservation per send
    token           varchar(64) not null,
    budget_id       bigint      not null references budget (id),
    -- the manager's allowance it is charged to too; null when none (or an approved excess)
    allowance_id    bigint      references budget_allowance (id),
    department_id   bigint      not null references department (id),
    user_id         bigint      not null references app_user (id),
    amount          bigint      not null,
    state           varchar(10) not null,
    order_id        bigint      references reward_order (id),
    created_at      timestamp with time zone not null,
    resolved_at     timestamp with time zone,
    constraint budget_reservation_token_uk unique (token),
    constraint budget_reservation_order_uk unique (order_id),
    constraint budget_reservation_amount_ck check (amount > 0),
    constraint budget_reservation_state_ck check (state = 'RESERVED' or state = 'SETTLED' or state = 'RELEASED')
);
create index budget_reservation_budget_ix on budget_reservation (budget_id, user_id, state);
