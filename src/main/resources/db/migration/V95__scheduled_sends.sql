-- Rewards a manager scheduled to go out later. The row's token is the send's one-time token: its
-- budget reservation is taken under it when the send is scheduled, and at its time the order is
-- placed under it through the exactly-once send path, so a scheduled send can never become two orders.
--
-- A due send is claimed by a conditional update (state SCHEDULED -> PLACING where due_at <= now), so
-- of any number of replicas running the job at once, one places it. due_at is the instant; the
-- manager's local date, time and time zone are kept as entered, to show it as they chose it.
create sequence scheduled_send_seq start with 1 increment by 50;

create table scheduled_send (
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
    due_at              timestamp with time zone not null,
    local_due           varchar(16)  not null,
    time_zone           varchar(64)  not null,
    state               varchar(20)  not null,
    created_at          timestamp with time zone not null,
    claimed_at          timestamp with time zone,
    closed_at           timestamp with time zone,
    note                varchar(500),
    order_id            bigint       references reward_order (id),
    constraint scheduled_send_token_uk unique (token),
    constraint scheduled_send_amount_ck check (amount > 0),
    constraint scheduled_send_state_ck check (state = 'SCHEDULED' or state = 'OVERDUE' or state = 'PLACING'
        or state = 'PLACED' or state = 'FAILED' or state = 'CANCELLED')
);
create index scheduled_send_due_ix on scheduled_send (state, due_at);
create index scheduled_send_requester_ix on scheduled_send (requester_id, state, due_at);
