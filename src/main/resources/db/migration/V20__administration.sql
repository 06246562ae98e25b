-- Administration: cards registered with RaaS (kept as RaaS's token and the last four digits only,
-- never the number or security code), one-time invitation links, and uploaded directory files.

create sequence funding_card_seq start with 1 increment by 50;
create sequence user_invitation_seq start with 1 increment by 50;
create sequence directory_import_seq start with 1 increment by 50;

create table funding_card (
    id             bigint       not null primary key,
    department_id  bigint       not null references department (id),
    cc_token       varchar(64)  not null,
    last_four      varchar(4)   not null,
    expiration     varchar(7)   not null,
    active_at      timestamp with time zone,
    registered_by  varchar(255) not null,
    created_at     timestamp with time zone not null,
    removed_at     timestamp with time zone,
    constraint funding_card_token_uk unique (cc_token)
);
create index funding_card_department_ix on funding_card (department_id);

-- Only the SHA-256 of an invitation's secret is kept; the link itself is shown to the admin once.
create table user_invitation (
    id           bigint       not null primary key,
    user_id      bigint       not null references app_user (id),
    token_hash   varchar(64)  not null,
    created_by   varchar(255) not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    used_at      timestamp with time zone,
    constraint user_invitation_token_uk unique (token_hash)
);
create index user_invitation_user_ix on user_invitation (user_id);

create table directory_import (
    id            bigint        not null primary key,
    file_name     varchar(255)  not null,
    content       text          not null, -- the file as uploaded, Base64
    sha256        varchar(64)   not null,
    uploaded_by   varchar(255)  not null,
    uploaded_at   timestamp with time zone not null,
    applied_by    varchar(255),
    applied_at    timestamp with time zone,
    applied_changes integer
);
