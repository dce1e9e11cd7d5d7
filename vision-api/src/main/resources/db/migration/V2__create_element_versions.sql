-- One row per organisation and element type. Every change to an element's versions locks this
-- row first (SELECT … FOR UPDATE), so numbering, the one-open-version rule and adoption are
-- decided one request at a time per element.
create table element (
    id              bigserial primary key,
    organization_id bigint      not null references organization (id),
    type            varchar(16) not null check (type in ('MISSION', 'VISION', 'VALUES', 'STRATEGY')),
    last_number     integer     not null default 0,
    unique (organization_id, type)
);

create table element_version (
    id              bigserial primary key,
    element_id      bigint        not null references element (id),
    number          integer       not null check (number > 0),
    status          varchar(16)   not null check (status in ('DRAFT', 'IN_CONSULTATION', 'ADOPTED', 'SUPERSEDED', 'WITHDRAWN')),
    content         jsonb         not null,
    change_reason   varchar(1000),
    based_on        integer,
    created_by      varchar(200)  not null,
    created_at      timestamptz   not null,
    updated_by      varchar(200)  not null,
    updated_at      timestamptz   not null,
    adopted_by      varchar(200),
    adopted_at      timestamptz,
    effective_from  timestamptz,
    effective_to    timestamptz,
    withdrawn_by    varchar(200),
    withdrawn_at    timestamptz,
    revision        integer       not null default 0,
    unique (element_id, number),
    check (effective_to is null or effective_to > effective_from),
    check ((status in ('ADOPTED', 'SUPERSEDED')) = (effective_from is not null))
);

-- At most one open (draft or in-consultation) version per element, also under concurrency.
create unique index element_version_one_open on element_version (element_id) where status in ('DRAFT', 'IN_CONSULTATION');
-- Lookups of the version in effect at an instant.
create index element_version_effective on element_version (element_id, effective_from) where effective_from is not null;
