-- The RaaS catalog as last read by the (once per cluster) catalog refresh, shared by every replica:
-- one row. Replicas keep it in memory and reload it when fetched_at changes. problem is set when the
-- latest refresh failed (the catalog is then served as stale) and cleared by the next good one.
create table catalog_snapshot (
    id          smallint     not null primary key,
    body        text         not null,
    fetched_at  timestamp with time zone not null,
    problem     varchar(500),
    problem_at  timestamp with time zone,
    constraint catalog_snapshot_one_row check (id = 1)
);
