-- API keys: an organisation's (organization_id set) or the platform's (organization_id null).
-- Only a SHA-256 of the key is kept; keys are 256-bit random, so a fast hash is safe here.
create table api_key (
    id              bigserial primary key,
    organization_id bigint        references organization (id),
    name            varchar(100)  not null,
    roles           varchar(200)  not null, -- comma-separated role names
    key_hash        varchar(64)   not null unique, -- hex SHA-256
    key_prefix      varchar(16)   not null, -- the first characters, to recognise a key in lists and logs
    created_by      varchar(200)  not null,
    created_at      timestamptz   not null,
    last_used_at    timestamptz,
    revoked_by      varchar(200),
    revoked_at      timestamptz
);
create index api_key_organization on api_key (organization_id);

-- Who did what, when, with which credential, and how it ended: one row per state-changing request.
create table audit_entry (
    id              bigserial primary key,
    organization_id bigint        references organization (id),
    actor           varchar(200)  not null,
    credential      varchar(200)  not null,
    action          varchar(64)   not null,
    method          varchar(8)    not null,
    target          varchar(500)  not null,
    status          integer       not null,
    outcome         varchar(16)   not null check (outcome in ('SUCCEEDED', 'DENIED', 'FAILED')),
    occurred_at     timestamptz   not null
);
create index audit_entry_organization_time on audit_entry (organization_id, occurred_at desc);
