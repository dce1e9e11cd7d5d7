-- Review policies: a row only once an organisation changes an element's policy; until then the
-- element type's defaults apply (and the anchor is the element's first adoption).
create table review_policy (
    id              bigserial    primary key,
    organization_id bigint       not null references organization (id),
    element         varchar(16)  not null check (element in ('MISSION', 'VISION', 'VALUES', 'STRATEGY')),
    enabled         boolean      not null,
    cycle           varchar(16)  not null, -- ISO-8601 period
    anchor_date     date,
    on_goal_reached boolean      not null,
    remind_before   varchar(16)  not null,
    escalate_after  varchar(16)  not null,
    assignees       jsonb        not null,
    escalate_to     jsonb        not null,
    updated_by      varchar(200) not null,
    updated_at      timestamptz  not null,
    revision        integer      not null default 0,
    unique (organization_id, element)
);

create table review_task (
    id              bigserial     primary key,
    organization_id bigint        not null references organization (id),
    element         varchar(16)   not null check (element in ('MISSION', 'VISION', 'VALUES', 'STRATEGY')),
    reason          varchar(16)   not null check (reason in ('CYCLE', 'GOAL_REACHED', 'VISION_CHANGED', 'MANUAL')),
    due_date        date          not null,
    source_key      varchar(200)  not null,
    goal_id         bigint,
    version_number  integer,
    status          varchar(16)   not null check (status in ('OPEN', 'DONE', 'CANCELLED')),
    outcome         varchar(16)   check (outcome in ('CONFIRMED', 'REVISED')),
    outcome_version integer,
    note            varchar(2000),
    created_by      varchar(200)  not null,
    created_at      timestamptz   not null,
    closed_by       varchar(200),
    closed_at       timestamptz,
    revision        integer       not null default 0,
    -- Delivery may repeat, tasks never do: one task per cause.
    unique (organization_id, source_key)
);
create index review_task_open on review_task (organization_id, status, due_date);
