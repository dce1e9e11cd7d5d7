-- What the health check and the metrics need to know, kept in the database so that every replica
-- reports the same thing, whichever of them did the work.

-- The one cursor row exists from the start, so that readers and writers only ever update it.
insert into feed_cursor (id, cursor, updated_at) values (1, null, null) on conflict (id) do nothing;

-- Last time any replica read the feed successfully: the vision-api was reachable then.
alter table feed_cursor add column read_at timestamptz;
-- Last time a read reached the end of the feed: the scheduler had seen every event up to then.
alter table feed_cursor add column caught_up_at timestamptz;
-- occurredAt of the last event handled: with caught_up_at, how far behind the feed the scheduler is.
alter table feed_cursor add column last_event_at timestamptz;

-- The last complete sync of review policies into cycle triggers (one row for the cluster).
create table policy_sync
(
    id             smallint primary key check (id = 1),
    -- Null until the first complete sync.
    synced_at      timestamptz,
    -- Policies read from the API, and cycle triggers in the job store after that sync.
    policies       integer,
    cycle_triggers integer
);
insert into policy_sync (id) values (1);
