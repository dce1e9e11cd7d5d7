-- Webhooks: an organisation's HTTP endpoints that receive its events, signed as in the Standard
-- Webhooks convention, at least once and in feed order per webhook.
create table webhook (
    id              bigserial     primary key,
    organization_id bigint        not null references organization (id),
    url             varchar(2000) not null,
    event_types     varchar(2000) not null, -- comma-separated event types, or '*' for every type
    -- The signing key (whsec_<base64>). Kept as it was given because every delivery is signed with it:
    -- it is a shared key, not a password that could be checked against a hash. Never answered after creation.
    secret          varchar(100)  not null,
    created_by      varchar(200)  not null,
    created_at      timestamptz   not null,
    enabled         boolean       not null default true,
    disabled_at     timestamptz,
    disabled_reason varchar(500),
    -- Position in the organisation's event feed: every event up to it was delivered or not subscribed to.
    -- Advanced in the transaction that logs the delivery, so a delivered event is never sent again.
    feed_cursor     varchar(64)   not null,
    -- When the delivery job looks at the webhook next; while a delivery is in flight, the end of its lease.
    next_attempt_at timestamptz   not null,
    -- The delivery in flight: whoever holds the lease records its outcome (see WebhookDeliveryJob).
    lease           uuid,
    -- Failed attempts at the event the webhook is stuck on, and since when it has been failing.
    attempts        integer       not null default 0,
    failing_since   timestamptz,
    last_error      varchar(500)
);
create index webhook_due on webhook (next_attempt_at) where enabled;
create index webhook_organization on webhook (organization_id, id);

-- The delivery log: one row per webhook and event, updated on every attempt.
create table webhook_delivery (
    id               bigserial    primary key,
    webhook_id       bigint       not null references webhook (id) on delete cascade,
    event_id         bigint       not null, -- no foreign key: retention removes events, the log keeps what happened
    event_type       varchar(64)  not null,
    status_code      integer,               -- of the last attempt; null when the receiver did not answer
    attempts         integer      not null,
    last_error       varchar(500),          -- of the last failed attempt
    first_attempt_at timestamptz  not null,
    last_attempt_at  timestamptz  not null,
    delivered_at     timestamptz,
    unique (webhook_id, event_id)
);
create index webhook_delivery_log on webhook_delivery (webhook_id, id desc);
