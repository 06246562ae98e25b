-- Rewards waiting for a second person's approval. The request's token is the send's one-time token:
-- its budget reservation is taken under it when the request is made, and approving places the order
-- under it through the exactly-once send path, so a request can never become two orders.
create sequence approval_request_seq start with 1 increment by 50;

create table approval_request (
    id                  bigint       not null primary key,
    token               varchar(64)  not null,
    department_id       bigint       not null references department (id),
    requester_id        bigint       not null references app_user (id),
    requester_email     varchar(255) not null,
    sku                 varchar(64)  not null,
    reward_description  varchar(255) not null,
    amount              bigint       not null,
    recipient_name      varchar(255) not null,
    recipient_email     varchar(255) not null,
    employee_id         bigint       references employee (id),
    reward_subject      varchar(255),
    reward_message      varchar(255),
    reward_from         varchar(255),
    reasons             varchar(1000) not null,
    state               varchar(20)  not null,
    created_at          timestamp with time zone not null,
    expires_at          timestamp with time zone not null,
    decided_by          varchar(255),
    decided_at          timestamp with time zone,
    decision_note       varchar(500),
    order_id            bigint       references reward_order (id),
    constraint approval_request_token_uk unique (token),
    constraint approval_request_amount_ck check (amount > 0),
    constraint approval_request_state_ck check (state = 'AWAITING' or state = 'APPROVED' or state = 'REJECTED'
        or state = 'CHANGES_REQUESTED' or state = 'EXPIRED')
);
create index approval_request_queue_ix on approval_request (state, department_id, created_at);
create index approval_request_requester_ix on approval_request (requester_id, created_at);
