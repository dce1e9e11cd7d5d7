-- Translations of a version's content, one per version and language (docs/api-guide.md,
-- "Translations and languages"). The version's own content is in the organisation's default
-- language; a translation never changes it.
create table element_translation (
    id          bigserial primary key,
    version_id  bigint       not null references element_version (id),
    language    varchar(8)   not null,
    status      varchar(16)  not null check (status in ('DRAFT', 'APPROVED')),
    content     jsonb        not null,
    created_by  varchar(200) not null,
    created_at  timestamptz  not null,
    updated_by  varchar(200) not null,
    updated_at  timestamptz  not null,
    revision    integer      not null default 0,
    unique (version_id, language)
);

-- When a translation of the version was last written or deleted. Reads take it into their
-- Last-Modified, so that If-Modified-Since also sees a translation that stopped being served
-- (deleted, or set back to DRAFT). It is not part of the version's own revision: adding a
-- translation must not invalidate the ETag an editor sends in If-Match.
alter table element_version add column translations_changed_at timestamptz;
