-- The chain's end also keeps the hash of the row before it. On PostgreSQL an append is then one
-- statement: it moves the head (last_id + 1, prev_hash = the old last_hash, last_hash = the new
-- row's SHA-256) and inserts the row from what that update returns, so the head row is locked only
-- from that statement to the commit.
alter table audit_head add column prev_hash varchar(64);
