-- Consultation rounds on a draft (docs/api-guide.md, "Consultation rounds"): a question, a deadline
-- and an audience; feedback anchored to the statement or an item key; invitations for people without
-- an account.
--
-- A round is OPEN until it is closed by hand or its deadline passes. A round whose deadline has passed
-- reads as closed at once; the minutely sweep then records it as CLOSED with its event, so status
-- 'OPEN' with a deadline in the past is a round the sweep has not reached yet.
create table consultation (
    id              bigserial     primary key,
    organization_id bigint        not null references organization (id),
    version_id      bigint        not null references element_version (id),
    question        varchar(2000) not null,
    deadline        timestamptz   not null,
    audience        varchar(200)  not null, -- comma-separated audiences: EMPLOYEES,CLIENTS,…
    status          varchar(8)    not null check (status in ('OPEN', 'CLOSED')),
    opened_by       varchar(200)  not null,
    opened_at       timestamptz   not null,
    closed_by       varchar(200), -- null on a round closed by its deadline
    closed_at       timestamptz
);
-- One open round per version, whatever the requests racing to open one.
create unique index consultation_one_open on consultation (version_id) where status = 'OPEN';
create index consultation_of_organization on consultation (organization_id, status, deadline);

-- Personal links for clients, families, partner organisations: only the token's SHA-256 is kept
-- (256 random bits, so a fast hash is safe, as for API keys and calendar feeds).
create table consultation_invitation (
    id               bigserial    primary key,
    consultation_id  bigint       not null references consultation (id),
    audience         varchar(16)  not null,
    label            varchar(100) not null, -- who it is for, e.g. "Cliëntenraad"
    token_hash       varchar(64)  not null unique,
    created_by       varchar(200) not null,
    created_at       timestamptz  not null,
    last_used_at     timestamptz,
    revoked_by       varchar(200),
    revoked_at       timestamptz
);
create index consultation_invitation_of_round on consultation_invitation (consultation_id);

create table consultation_feedback (
    id                bigserial     primary key,
    consultation_id   bigint        not null references consultation (id),
    invitation_id     bigint        references consultation_invitation (id), -- set when given through an invitation
    author            varchar(200)  not null, -- the participant's name (an invitation's label)
    author_credential varchar(200)  not null, -- key:<id>, token:<subject> or invitation:<id>: whose feedback it is
    audience          varchar(16)   not null,
    anchor_item       varchar(63), -- the item key; null: the statement
    stance            varchar(16)   not null check (stance in ('SUPPORT', 'CONCERN', 'SUGGESTION')),
    text              varchar(4000) not null,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null
);
create index consultation_feedback_of_round on consultation_feedback (consultation_id, author_credential);
