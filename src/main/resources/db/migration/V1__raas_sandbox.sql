-- The embedded RaaS v1 sandbox. Its tables are prefixed sandbox_ and are never read by the storefront.
-- No credit card number or security code is stored anywhere: cards are kept as a token, an expiry
-- month and the account they are registered to.

create sequence sandbox_account_seq start with 1 increment by 100;
create sequence sandbox_order_seq start with 10000001 increment by 100;
create sequence sandbox_fund_seq start with 10000001 increment by 100;
create sequence sandbox_card_seq start with 1 increment by 100;

create table sandbox_account (
    id          bigint       not null primary key,
    platform    varchar(100) not null,
    customer    varchar(96)  not null,
    identifier  varchar(96)  not null,
    email       varchar(255) not null,
    balance     bigint       not null,
    created_at  timestamp with time zone not null,
    constraint sandbox_account_identifier_uk unique (platform, identifier),
    constraint sandbox_account_balance_ck check (balance >= 0)
);

create table sandbox_order (
    id                    bigint       not null primary key,
    order_id              varchar(32)  not null,
    platform              varchar(100) not null,
    customer              varchar(96)  not null,
    account_identifier    varchar(96)  not null,
    sku                   varchar(64)  not null,
    brand                 varchar(255) not null,
    amount                bigint       not null,
    recipient_name        varchar(255) not null,
    recipient_email       varchar(255) not null,
    reward_subject        varchar(255),
    reward_message        varchar(255),
    reward_from           varchar(255),
    send_reward           boolean      not null,
    delivered_at          timestamp with time zone not null,
    reward_token          varchar(64)  not null,
    reward_number         varchar(64),
    reward_pin            varchar(32),
    reward_redemption_url varchar(255),
    last_sent_at          timestamp with time zone,
    send_count            integer      not null,
    constraint sandbox_order_order_id_uk unique (order_id),
    constraint sandbox_order_token_uk unique (reward_token),
    constraint sandbox_order_account_fk foreign key (platform, account_identifier)
        references sandbox_account (platform, identifier),
    constraint sandbox_order_amount_ck check (amount > 0)
);
create index sandbox_order_platform_time_ix on sandbox_order (platform, delivered_at, id);
create index sandbox_order_account_time_ix on sandbox_order (platform, account_identifier, delivered_at, id);
create index sandbox_order_sent_ix on sandbox_order (send_reward, last_sent_at);

create table sandbox_card (
    id                  bigint       not null primary key,
    cc_token            varchar(32)  not null,
    platform            varchar(100) not null,
    customer            varchar(96)  not null,
    account_identifier  varchar(96)  not null,
    expires             varchar(7)   not null,
    active_at           timestamp with time zone not null,
    created_at          timestamp with time zone not null,
    removed_at          timestamp with time zone,
    constraint sandbox_card_token_uk unique (cc_token),
    constraint sandbox_card_account_fk foreign key (platform, account_identifier)
        references sandbox_account (platform, identifier)
);

create table sandbox_fund (
    id                  bigint       not null primary key,
    fund_id             varchar(32)  not null,
    platform            varchar(100) not null,
    customer            varchar(96)  not null,
    account_identifier  varchar(96)  not null,
    amount              bigint       not null,
    cc_token            varchar(32),
    created_at          timestamp with time zone not null,
    constraint sandbox_fund_fund_id_uk unique (fund_id),
    constraint sandbox_fund_account_fk foreign key (platform, account_identifier)
        references sandbox_account (platform, identifier),
    constraint sandbox_fund_amount_ck check (amount > 0)
);
