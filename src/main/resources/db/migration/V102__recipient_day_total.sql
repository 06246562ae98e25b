-- What each recipient was sent per department and UTC day, counting every order that is not FAILED
-- (PENDING, DELIVERED, UNKNOWN, HELD): the spending policy's per-recipient maximum sums the days of the
-- period here instead of reading every order to the recipient. The order ledger adds an order's
-- amount in the transaction that commits it as PENDING and takes it off in the one that makes it
-- FAILED (FAILED is final).
create table recipient_day_total (
    department_id bigint       not null references department (id),
    recipient_key varchar(255) not null,
    sent_on       date         not null,
    amount        bigint       not null,
    constraint recipient_day_total_pk primary key (department_id, recipient_key, sent_on),
    constraint recipient_day_total_amount_ck check (amount >= 0)
);

insert into recipient_day_total (department_id, recipient_key, sent_on, amount)
select department_id, recipient_key, cast(created_at at time zone 'UTC' as date), sum(amount)
from reward_order
where status <> 'FAILED'
group by department_id, recipient_key, cast(created_at at time zone 'UTC' as date);
