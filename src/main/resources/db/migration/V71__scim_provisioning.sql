-- SCIM 2.0 provisioning: the bearer tokens identity providers call with (kept as SHA-256 hashes only),
-- and the identity provider's own id of each employee (SCIM externalId).

create sequence scim_token_seq start with 1 increment by 50;

create table scim_token (
    id            bigint        not null primary key,
    name          varchar(100)  not null,
    token_hash    varchar(64)   not null, -- SHA-256 of the token, hex; the token itself is shown once
    token_prefix  varchar(12)   not null, -- its first characters, to tell tokens apart
    created_by    varchar(255)  not null,
    created_at    timestamp with time zone not null,
    last_used_at  timestamp with time zone,
    revoked_by    varchar(255),
    revoked_at    timestamp with time zone,
    constraint scim_token_hash_uk unique (token_hash)
);

alter table employee add column external_id varchar(255);
-- The SCIM userName when the identity provider's differs from the employee's email address.
alter table employee add column scim_user_name varchar(255);
