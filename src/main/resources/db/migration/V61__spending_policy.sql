-- A department's spending policy (no row: no limits beyond its budget, any recipient, a free "From").
--   max_per_reward:        cents; a larger reward is refused (null: no maximum)
--   max_per_recipient:     cents one recipient may get from the department per budget period; over
--                          it, the reward needs approval (null: no maximum)
--   approval_threshold:    cents; a reward above it needs approval (null: none does)
--   recipients:            DIRECTORY (the department's directory only), DOMAINS (also the listed
--                          external domains, each needing approval), ANYONE (any address, external
--                          ones needing approval)
--   allowed_domains:       comma-separated, for DOMAINS
--   message_required:      a reward must carry a message
--   recent_days:           warn before sending when the same manager rewarded the recipient within
--                          this many days (0: no warning)
--   from_rule:             SENDER (the sender's own name), SENDER_OR_TEAM (or "<department> team"),
--                          ANY (free text)
create table spending_policy (
    department_id       bigint       not null primary key references department (id),
    max_per_reward      bigint,
    max_per_recipient   bigint,
    approval_threshold  bigint,
    recipients          varchar(10)  not null,
    allowed_domains     varchar(1000),
    message_required    boolean      not null,
    recent_days         integer      not null,
    from_rule           varchar(16)  not null,
    updated_at          timestamp with time zone not null,
    constraint spending_policy_recipients_ck check (recipients = 'DIRECTORY' or recipients = 'DOMAINS'
        or recipients = 'ANYONE'),
    constraint spending_policy_from_ck check (from_rule = 'SENDER' or from_rule = 'SENDER_OR_TEAM'
        or from_rule = 'ANY'),
    constraint spending_policy_money_ck check ((max_per_reward is null or max_per_reward > 0)
        and (max_per_recipient is null or max_per_recipient > 0)
        and (approval_threshold is null or approval_threshold >= 0) and recent_days >= 0)
);

-- Managers named approvers of a department (HR users approve every department).
create table department_approver (
    department_id   bigint not null references department (id),
    user_id         bigint not null references app_user (id),
    constraint department_approver_pk primary key (department_id, user_id)
);
