-- Rewards sent from the storefront. A row is committed as PENDING before RaaS is called, so that a
-- crash, a timeout or a replayed form can never lose or double an order (see README.md, "Sending a
-- reward exactly once").

create sequence reward_order_seq start with 1 increment by 50;

create table reward_order (
    id                       bigint       not null primary key,
    send_token               varchar(64)  not null,
    requester_id             bigint       not null references app_user (id),
    requester_email          varchar(255) not null,
    department_id            bigint       not null references department (id),
    raas_customer            varchar(96)  not null,
    raas_account_identifier  varchar(96)  not null,
    sku                      varchar(64)  not null,
    brand                    varchar(255) not null,
    reward_description       varchar(255) not null,
    amount                   bigint       not null,
    variable_price           boolean      not null,
    recipient_name           varchar(255) not null,
    recipient_email          varchar(255) not null,
    employee_id              bigint       references employee (id),
    reward_subject           varchar(255),
    reward_message           varchar(255),
    reward_from              varchar(255),
    status                   varchar(20)  not null,
    raas_order_id            varchar(40),
    failure_reason           varchar(500),
    created_at               timestamp with time zone not null,
    resolved_at              timestamp with time zone,
    delivered_at             timestamp with time zone,
    last_resent_at           timestamp with time zone,
    constraint reward_order_token_uk unique (send_token),
    constraint reward_order_raas_uk unique (raas_order_id),
    -- Written with OR rather than IN: H2 2.4.240 cannot evaluate an IN check from a later session.
    constraint reward_order_status_ck check (status = 'PENDING' or status = 'DELIVERED' or status = 'FAILED'
        or status = 'UNKNOWN'),
    constraint reward_order_amount_ck check (amount > 0)
);
create index reward_order_requester_ix on reward_order (requester_id, created_at);
create index reward_order_department_ix on reward_order (department_id, created_at);
create index reward_order_status_ix on reward_order (status, created_at);
