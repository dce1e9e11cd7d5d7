-- Calendar feeds: personal, revocable tokens in a subscription URL (…/review-tasks.ics?token=wcal_…),
-- because calendar clients (Outlook, Google Calendar, Apple) cannot send an Authorization header.
-- A token reads its organisation's review-task feed and nothing else. Only its SHA-256 is kept;
-- tokens are 256-bit random, so a fast hash is safe here (as for API keys).
create table calendar_feed (
    id               bigserial     primary key,
    organization_id  bigint        not null references organization (id),
    name             varchar(100)  not null, -- the owner's label, e.g. "Outlook An"
    owner            varchar(200)  not null, -- the creator as the audit log names it
    owner_credential varchar(200)  not null, -- the creator's credential (key:<id>, token:<subject>): whose feed it is
    token_hash       varchar(64)   not null unique, -- hex SHA-256
    created_at       timestamptz   not null,
    last_used_at     timestamptz,
    revoked_by       varchar(200),
    revoked_at       timestamptz
);
create index calendar_feed_owner on calendar_feed (organization_id, owner_credential);
