-- What each cycle job was scheduled for, one row per job of the group "review-cycles", written in
-- the same transaction as the Quartz job and trigger. The job's own data holds the same cadence,
-- but only as a serialized blob, one read per job: with this table a sync compares 40,000
-- policies against one query instead of 80,000 job-store reads, and touches Quartz only for the
-- policies that changed. A job without a row here (made before this table existed) is compared
-- through the job store as before, and gets its row then.
create table cycle_schedule
(
    -- The Quartz job name: <organisation>/<element>.
    job_name    text primary key,
    enabled     boolean     not null,
    cycle       text        not null,
    anchor_date date        not null,
    updated_at  timestamptz not null
);
