-- Occasion programs (docs/occasions.md): work anniversaries, birthdays and welcome gifts that HR sets
-- up once, and that Accolade prepares as drafts for the employee's manager some days ahead.
--
-- A program per kind (the unique kind), its rewards: for anniversaries one row per years of service,
-- for birthdays and welcomes one row with years = 0. An occasion is one employee's day, prepared once:
-- the unique (employee_id, kind, occasion_date) makes a second run, or a second replica running the
-- job at the same moment, find the first one's row instead of making another. Its draft is a
-- scheduled send (V95) that the manager can change or skip until it goes; scheduled_send gains the
-- occasion it was made for and the label My rewards shows for it.
create sequence occasion_program_seq start with 1 increment by 50;

create table occasion_program (
    id              bigint       not null primary key,
    kind            varchar(20)  not null,
    name            varchar(120) not null,
    enabled         boolean      not null default true,
    days_ahead      integer      not null default 7,
    send_time       time         not null default '09:00:00',
    default_zone    varchar(64)  not null default 'UTC',
    max_amount      bigint       not null,
    created_by      varchar(255) not null,
    created_at      timestamp with time zone not null,
    updated_by      varchar(255),
    updated_at      timestamp with time zone,
    constraint occasion_program_kind_uk unique (kind),
    constraint occasion_program_kind_ck check (kind = 'ANNIVERSARY' or kind = 'BIRTHDAY' or kind = 'WELCOME'),
    constraint occasion_program_days_ck check (days_ahead between 0 and 60),
    constraint occasion_program_max_ck check (max_amount > 0)
);

create sequence occasion_reward_seq start with 1 increment by 50;

create table occasion_reward (
    id               bigint       not null primary key,
    program_id       bigint       not null references occasion_program (id),
    years            integer      not null,
    sku              varchar(64)  not null,
    amount           bigint       not null,
    message_template varchar(255) not null,
    constraint occasion_reward_years_uk unique (program_id, years),
    constraint occasion_reward_amount_ck check (amount > 0),
    constraint occasion_reward_years_ck check (years >= 0)
);

create sequence occasion_seq start with 1 increment by 50;

create table occasion (
    id                bigint       not null primary key,
    program_id        bigint       not null references occasion_program (id),
    employee_id       bigint       not null references employee (id),
    kind              varchar(20)  not null,
    occasion_date     date         not null,
    years             integer,
    manager_email     varchar(255),
    manager_id        bigint       references app_user (id),
    department_id     bigint       references department (id),
    scheduled_send_id bigint       references scheduled_send (id),
    state             varchar(20)  not null,
    reason            varchar(500),
    created_at        timestamp with time zone not null,
    constraint occasion_once_uk unique (employee_id, kind, occasion_date),
    constraint occasion_state_ck check (state = 'DRAFT' or state = 'SKIPPED' or state = 'SENT' or state = 'LATE'
        or state = 'FAILED' or state = 'NOT_PREPARED')
);
create index occasion_date_ix on occasion (occasion_date, program_id);
create index occasion_manager_ix on occasion (manager_id, occasion_date);
create index occasion_send_ix on occasion (scheduled_send_id);

alter table scheduled_send add column occasion_id bigint;
alter table scheduled_send add column label varchar(255);
