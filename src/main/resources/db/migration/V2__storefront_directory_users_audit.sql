-- Storefront: departments with their RaaS account, employees, users and the chained audit trail.

create sequence department_seq start with 1 increment by 50;
create sequence employee_seq start with 1 increment by 50;
create sequence app_user_seq start with 1 increment by 50;

create table department (
    id                       bigint       not null primary key,
    name                     varchar(120) not null,
    raas_customer            varchar(96)  not null,
    raas_account_identifier  varchar(96)  not null,
    low_balance_threshold    bigint       not null default 0,
    created_at               timestamp with time zone not null,
    constraint department_name_uk unique (name),
    constraint department_account_uk unique (raas_customer, raas_account_identifier)
);

create table employee (
    id             bigint       not null primary key,
    name           varchar(200) not null,
    email          varchar(255) not null,
    department_id  bigint       not null references department (id),
    manager_email  varchar(255),
    active         boolean      not null default true,
    constraint employee_email_uk unique (email)
);
create index employee_department_ix on employee (department_id, name);

create table app_user (
    id                bigint       not null primary key,
    email             varchar(255) not null,
    display_name      varchar(200) not null,
    password_hash     varchar(100) not null,
    role              varchar(20)  not null,
    department_id     bigint       references department (id),
    enabled           boolean      not null default true,
    failed_attempts   integer      not null default 0,
    locked_until      timestamp with time zone,
    session_version   integer      not null default 0,
    created_at        timestamp with time zone not null,
    constraint app_user_email_uk unique (email),
    constraint app_user_role_ck check (role = 'MANAGER' or role = 'HR' or role = 'ADMIN')
);

-- Append-only, hash-chained audit trail. Each row's hash covers its content and the previous row's
-- hash; audit_head holds the chain's end and is locked by every append, so rows chain in commit order.
create table audit_event (
    id           bigint        not null primary key,
    occurred_at  timestamp with time zone not null,
    actor        varchar(255)  not null,
    action       varchar(60)   not null,
    target       varchar(255),
    outcome      varchar(40)   not null,
    detail       varchar(1000),
    ip           varchar(64),
    prev_hash    varchar(64)   not null,
    hash         varchar(64)   not null
);
create index audit_event_time_ix on audit_event (occurred_at);
create index audit_event_actor_ix on audit_event (actor, occurred_at);

create table audit_head (
    id         integer      not null primary key,
    last_id    bigint       not null,
    last_hash  varchar(64)  not null
);
insert into audit_head (id, last_id, last_hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
