-- Where the scheduler is in the vision-api's event feed: the opaque cursor of the last page it
-- processed (GET /api/v1/events?after=<cursor>), so a restart resumes instead of replaying or
-- skipping events. One row for the whole cluster (the check pins id to 1): the replicas share
-- one position, and whoever reads the feed moves it.
create table feed_cursor
(
    id         smallint primary key check (id = 1),
    -- Null until the first page was processed: then the feed is read from its start.
    cursor     varchar(200),
    updated_at timestamptz
);
