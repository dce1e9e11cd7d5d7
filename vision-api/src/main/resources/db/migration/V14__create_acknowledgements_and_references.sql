-- Issue 8: acknowledgements of adopted versions, and references ("how does this fit our vision?").

-- Whether an adoption asks everyone to acknowledge again. The acknowledgement basis of an adopted
-- version is the number of the latest adopted version (up to and including it) that was a
-- significant change, or of the element's first adopted version: all versions with one basis share
-- their acknowledgements. Set once at adoption, like every other field of an adopted version.
alter table element_version add column significant_change boolean not null default false;
alter table element_version add column acknowledgement_basis integer;
-- Versions adopted before this migration knew no significant changes: they all share the first one's basis.
update element_version v
   set acknowledgement_basis = (select min(w.number) from element_version w
                                 where w.element_id = v.element_id and w.status in ('ADOPTED', 'SUPERSEDED'))
 where v.status in ('ADOPTED', 'SUPERSEDED');
create index element_version_basis on element_version (element_id, acknowledgement_basis) where acknowledgement_basis is not null;

-- One acknowledgement per person per version; a repeat (also a concurrent one) inserts nothing.
create table acknowledgement (
    id              bigserial    primary key,
    organization_id bigint       not null references organization (id),
    version_id      bigint       not null references element_version (id),
    person          varchar(200) not null, -- the OIDC subject, or an external id an admin recorded for
    recorded_by     varchar(200) not null, -- who sent it: the person, or the admin or HR key on their behalf
    credential      varchar(200) not null,
    acknowledged_at timestamptz  not null,
    unique (version_id, person)            -- also the index the counts and status lists use
);

create table reference (
    id                 bigserial     primary key,
    organization_id    bigint        not null references organization (id),
    kind               varchar(32)   not null check (kind in ('CASE_DISCUSSION', 'COMPLAINT', 'POLICY_DECISION', 'TEAM_MEETING')),
    title              varchar(200)  not null,
    reference_date     date          not null,
    link               varchar(2000),
    external_id        varchar(200),
    rationale          varchar(5000) not null,
    created_by         varchar(200)  not null,
    created_credential varchar(200)  not null, -- the author: who may change or delete it besides an admin
    created_at         timestamptz   not null,
    updated_by         varchar(200)  not null,
    updated_at         timestamptz   not null,
    revision           integer       not null default 0
);
create index reference_by_date on reference (organization_id, reference_date, id);

-- What a reference cites: an element (its statement) or one item, against the version in effect at
-- the reference's date, so that it reads with the text as it was then.
create table reference_cite (
    id              bigserial   primary key,
    reference_id    bigint      not null references reference (id) on delete cascade,
    organization_id bigint      not null references organization (id),
    position        integer     not null,
    element         varchar(16) not null check (element in ('MISSION', 'VISION', 'VALUES', 'STRATEGY')),
    item_key        varchar(63),
    version_id      bigint      not null references element_version (id),
    unique (reference_id, position)
);
-- "Which decisions cite value respect?"
create index reference_cite_by_item on reference_cite (organization_id, element, item_key);
