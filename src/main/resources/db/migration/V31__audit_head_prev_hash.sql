-- The chain's end also keeps the hash of the row before it, and rows waiting to be chained take a
-- temporary negative number from audit_event_pending_seq. On PostgreSQL an append inserts its row
-- with such a number, and a deferred trigger (V32) chains it while the transaction commits: it moves
-- the head (last_id + 1, prev_hash = the old last_hash, last_hash = the row's SHA-256) and gives the
-- row its number and hashes, so the head row is locked only from the commit to its end. On H2 the
-- application chains the row itself, under the head's lock, and the sequence is not used.
alter table audit_head add column prev_hash varchar(64);
create sequence audit_event_pending_seq start with 1 increment by 1;
