-- A row per sign-in session. The session cookie carries the row's id (inside its signed payload), and
-- the session check of every signed-in request reads the row with the user: signing out ends the row,
-- so the cookie stops working on every replica at once. Rows of ended sessions are deleted when the
-- user next signs in.
create table user_session (
    id          varchar(43)  not null primary key,
    user_id     bigint       not null references app_user (id),
    created_at  timestamp with time zone not null,
    ended_at    timestamp with time zone
);
create index user_session_user_ix on user_session (user_id);

-- Failed sign-in attempts per client address and time window (window = epoch seconds / window
-- length), shared by every replica: an address over the limit is refused until the window ends.
create table sign_in_throttle (
    address     varchar(64)  not null,
    window_no   bigint       not null,
    attempts    integer      not null,
    constraint sign_in_throttle_pk primary key (address, window_no)
);
create index sign_in_throttle_window_ix on sign_in_throttle (window_no);
