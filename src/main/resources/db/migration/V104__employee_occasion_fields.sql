-- What occasion programs need to know of an employee: the day they started (work anniversaries and
-- welcome gifts), their birthday as day and month only (no year is ever kept), the time zone their
-- occasions are sent in (null: the program's default zone) and whether they are on leave (an
-- employee who left is active = false, as before).

alter table employee add column start_date date;
alter table employee add column birth_month integer;
alter table employee add column birth_day integer;
alter table employee add column time_zone varchar(64);
alter table employee add column on_leave boolean not null default false;

alter table employee add constraint employee_birthday_ck check (
    (birth_month is null and birth_day is null)
    or (birth_month between 1 and 12 and birth_day between 1 and 31));
