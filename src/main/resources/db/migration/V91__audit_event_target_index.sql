-- An order's page links to its rows in the audit trail (target = 'order 123'): found by index.
create index audit_event_target_ix on audit_event (target);
