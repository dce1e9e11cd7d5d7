-- The transactional outbox: every change writes its event in its own transaction.
-- tx_id is the writing transaction's id. The feed serves only events whose transaction is older
-- than every transaction still running (pg_snapshot_xmin), ordered by (tx_id, id): once served
-- up to a cursor, no event can later appear before it, however transactions interleave.
create table event (
    id              bigserial    primary key,
    tx_id           xid8         not null default pg_current_xact_id(),
    organization_id bigint       references organization (id),
    organization    varchar(63),
    type            varchar(64)  not null,
    occurred_at     timestamptz  not null,
    data            jsonb        not null
);
create index event_feed on event (tx_id, id);
create index event_organization_feed on event (organization_id, tx_id, id);
create index event_occurred on event (occurred_at);

-- The newest event ever removed by retention: a cursor before it may have missed events, and the
-- feed says so (410) instead of silently skipping them.
create table event_horizon (
    id       smallint primary key check (id = 1),
    tx_id    xid8     not null,
    event_id bigint   not null
);
