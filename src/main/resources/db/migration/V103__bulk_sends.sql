-- Bulk sends: a batch from a spreadsheet, its rows checked by a dry run, then sent in the background.
-- A row's order is placed under the token <batch token>.<row number> through the exactly-once send
-- path; the row keeps the order's id, and the order's own status says how the row ended.
create sequence bulk_batch_seq start with 1 increment by 50;

create table bulk_batch (
    id               bigint        not null primary key,
    token            varchar(40)   not null,
    department_id    bigint        not null references department (id),
    requester_id     bigint        not null,
    requester_email  varchar(255)  not null,
    file_name        varchar(255)  not null,
    -- CHECKED (dry run only), AWAITING_APPROVAL, RUNNING, PAUSED, FINISHED, CANCELLED, REJECTED
    state            varchar(24)   not null,
    row_count        integer       not null,
    valid_count      integer       not null,
    total_amount     bigint        not null,
    -- Whether the batch's amount was reserved in a budget (its reservation has the batch's token).
    reserved         boolean       not null default false,
    approval_reasons varchar(4000),
    ignored_columns  varchar(1000),
    decided_by       varchar(255),
    decided_at       timestamp with time zone,
    decision_note    varchar(500),
    created_at       timestamp with time zone not null,
    started_at       timestamp with time zone,
    finished_at      timestamp with time zone,
    constraint bulk_batch_token_uk unique (token)
);
create index bulk_batch_department on bulk_batch (department_id, created_at);
create index bulk_batch_requester on bulk_batch (requester_id, created_at);
create index bulk_batch_state on bulk_batch (state);

create table bulk_row (
    batch_id           bigint        not null references bulk_batch (id),
    row_no             integer       not null,
    recipient_email    varchar(255),
    recipient_name     varchar(255),
    sku                varchar(64),
    reward_description varchar(255),
    amount             bigint        not null default 0,
    employee_id        bigint,
    reward_subject     varchar(255),
    reward_message     varchar(255),
    reward_from        varchar(255),
    -- INVALID (refused by the dry run), READY, CLAIMED (a replica is placing it), PLACED (see its
    -- order), NOT_SENT (refused when its turn came, before any order), CANCELLED
    state              varchar(16)   not null,
    problem            varchar(500),
    warning            varchar(500),
    order_id           bigint,
    claimed_at         timestamp with time zone,
    claimed_by         varchar(40),
    primary key (batch_id, row_no)
);
create index bulk_row_state on bulk_row (state, batch_id, row_no);
create index bulk_row_claim on bulk_row (claimed_by);

-- A batch's reservation shrinks as its rows take their amounts out of it, down to zero once every
-- row has taken its own; any other reservation is still of a positive amount.
alter table budget_reservation drop constraint budget_reservation_amount_ck;
alter table budget_reservation add constraint budget_reservation_amount_ck check (amount >= 0);
