-- Strategic goals serve the vision and/or the strategy; operational goals belong to one strategic goal.
create table goal (
    id              bigserial     primary key,
    organization_id bigint        not null references organization (id),
    kind            varchar(16)   not null check (kind in ('STRATEGIC', 'OPERATIONAL')),
    parent_id       bigint        references goal (id),
    title           varchar(200)  not null,
    description     varchar(5000),
    owner           varchar(200),
    target_date     date,
    serves          varchar(40)   not null default '', -- comma-separated element types: vision,strategy
    status          varchar(16)   not null check (status in ('OPEN', 'REACHED', 'ABANDONED')),
    reached_at      timestamptz,
    reached_cause   varchar(32),  -- MANUAL, INDICATORS or OPERATIONAL_GOALS
    created_by      varchar(200)  not null,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    revision        integer       not null default 0,
    check ((kind = 'OPERATIONAL') = (parent_id is not null)),
    check ((status = 'REACHED') = (reached_at is not null))
);
create index goal_organization on goal (organization_id, status);
create index goal_parent on goal (parent_id);

create table indicator (
    id          bigserial      primary key,
    goal_id     bigint         not null references goal (id),
    name        varchar(200)   not null,
    unit        varchar(32),
    baseline    numeric(20, 6) not null,
    target      numeric(20, 6) not null,
    direction   varchar(16)    not null check (direction in ('INCREASE', 'DECREASE')),
    target_met  boolean        not null default false,
    created_at  timestamptz    not null
);
create index indicator_goal on indicator (goal_id);

-- Every target an indicator has had, with why it was revised.
create table indicator_target (
    id           bigserial      primary key,
    indicator_id bigint         not null references indicator (id),
    target       numeric(20, 6) not null,
    reason       varchar(1000),
    changed_by   varchar(200)   not null,
    changed_at   timestamptz    not null
);

create table measurement (
    id           bigserial      primary key,
    indicator_id bigint         not null references indicator (id),
    value        numeric(20, 6) not null,
    measured_at  date           not null,
    recorded_by  varchar(200)   not null,
    recorded_at  timestamptz    not null
);
create index measurement_latest on measurement (indicator_id, measured_at desc, id desc);
