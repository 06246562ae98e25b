-- Outgoing mail (dev.accolade.storefront.mail). A message is a row of mail_outbox, written in the
-- transaction of the change it tells about: a change that rolls back leaves no message. The sender
-- claims due rows (QUEUED and due, or SENDING whose lease ran out after a crash), sends them after
-- that claim has committed, and marks each SENT, QUEUED again (with a later next_attempt_at) or DEAD.
create sequence mail_outbox_seq start with 1 increment by 50;

create table mail_outbox (
    id              bigint         not null,
    notice          varchar(40)    not null,
    user_id         bigint,
    recipient       varchar(320)   not null,
    subject         varchar(300)   not null,
    -- The bodies are erased once the message is sent: an invitation's link is a secret the
    -- database otherwise keeps only as a hash.
    text_body       text,
    html_body       text,
    -- The Message-ID header, the same on every attempt: a receiver can tell a repeat.
    message_id      varchar(200)   not null,
    -- One message per business event (such as one order's failure): a second write is refused.
    dedupe_key      varchar(200),
    status          varchar(10)    not null,
    attempts        integer        not null default 0,
    next_attempt_at timestamp with time zone not null,
    claim_token     varchar(40),
    lease_until     timestamp with time zone,
    last_error      varchar(500),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    constraint mail_outbox_pk primary key (id),
    constraint mail_outbox_message_id_uk unique (message_id),
    constraint mail_outbox_dedupe_uk unique (dedupe_key),
    constraint mail_outbox_status_ck check (status = 'QUEUED' or status = 'SENDING' or status = 'SENT' or status = 'DEAD'),
    constraint mail_outbox_attempts_ck check (attempts >= 0)
);
create index mail_outbox_due_ix on mail_outbox (status, next_attempt_at);

-- A user's choice for one kind of notice; no row: the notice's default.
create table mail_preference (
    user_id    bigint       not null,
    notice     varchar(40)  not null,
    enabled    boolean      not null,
    changed_at timestamp with time zone not null,
    constraint mail_preference_pk primary key (user_id, notice),
    constraint mail_preference_user_fk foreign key (user_id) references app_user (id)
);

-- Conditions told about once until they end, such as a department's balance under its threshold:
-- the row exists while the condition holds and was told.
create table mail_latch (
    latch_key  varchar(200) not null,
    set_at     timestamp with time zone not null,
    constraint mail_latch_pk primary key (latch_key)
);

-- A sender hears once that a reward failed, and once that it is still being checked: each column
-- says when that notice was written. Orders from before outgoing mail existed count as told.
alter table reward_order add column failure_noticed_at timestamp with time zone;
alter table reward_order add column checking_noticed_at timestamp with time zone;
update reward_order set failure_noticed_at = current_timestamp where status = 'FAILED';
update reward_order set checking_noticed_at = current_timestamp where status <> 'DELIVERED';
create index reward_order_failure_notice_ix on reward_order (status, failure_noticed_at);
