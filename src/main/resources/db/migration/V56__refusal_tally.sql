-- Refusals that anyone can cause without limit (sign-in attempts for unknown or locked accounts,
-- attempts over an address's allowance, pages a role may not open) are counted here, one row per
-- minute, address, actor, action and outcome, and written to the audit trail as one row with the
-- count once the minute is over: the trail records them without growing by a row per request.
create table refusal_tally (
    minute_no   bigint        not null,
    address     varchar(64)   not null,
    actor       varchar(255)  not null,
    action      varchar(60)   not null,
    outcome     varchar(40)   not null,
    last_detail varchar(1000),
    hits        integer       not null,
    constraint refusal_tally_pk primary key (minute_no, address, actor, action, outcome)
);
