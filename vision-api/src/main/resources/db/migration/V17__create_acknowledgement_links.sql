-- Issue 18: personal acknowledgement links. An admin or HR system asks for one link per person for an
-- adopted version; the person opens it and presses "I have read this". Only the token's hash is kept,
-- as for consultation invitations (V13). (V16 is taken by the review links of another branch.)
create table acknowledgement_link (
    id                    bigserial    primary key,
    organization_id       bigint       not null references organization (id),
    version_id            bigint       not null references element_version (id), -- the version it was issued for
    -- The basis it asks to acknowledge: the link shows the version in effect while that shares this basis,
    -- and stops working once a significant change (a new basis) is adopted.
    acknowledgement_basis integer      not null,
    person                varchar(200) not null, -- the external id (e.g. from HR) the acknowledgement is recorded for
    name                  varchar(200) not null, -- the person's name, shown on the page and recorded as who acknowledged
    language              varchar(35),           -- the language the page asks for first; null: the browser's
    token_hash            varchar(64)  not null unique,
    created_by            varchar(200) not null,
    created_at            timestamptz  not null,
    last_used_at          timestamptz,
    revoked_by            varchar(200),
    revoked_at            timestamptz
);
create index acknowledgement_link_of_version on acknowledgement_link (version_id, id);
