-- Employees who leave: when they were deactivated (their history stays), and the exact changes each
-- applied directory import made, kept as they were applied rather than recomputed later.

alter table employee add column deactivated_at timestamp with time zone;
-- Whether deactivating the employee disabled their sign-in: reactivating enables it again only then.
alter table employee add column account_disabled_on_leave boolean not null default false;

alter table directory_import add column deactivate_missing boolean not null default false;
alter table directory_import add column applied_rows integer;
alter table directory_import add column applied_unchanged integer;

create sequence directory_import_change_seq start with 1 increment by 50;

create table directory_import_change (
    id           bigint        not null primary key,
    import_id    bigint        not null references directory_import (id),
    line_no      integer       not null, -- the order the dry run listed it in
    row_no       bigint        not null, -- the file's row; 0 for an employee missing from the file
    kind         varchar(20)   not null, -- new, changed, reactivated, deactivated, warning
    name         varchar(200)  not null,
    email        varchar(255)  not null,
    description  varchar(4000) not null
);
create index directory_import_change_ix on directory_import_change (import_id, line_no);
