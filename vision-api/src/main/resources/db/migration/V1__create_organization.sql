create table organization (
    id               bigserial primary key,
    slug             varchar(63)  not null unique,
    name             varchar(200) not null,
    default_language varchar(8)   not null,
    languages        varchar(200) not null, -- comma-separated language codes, the default first
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    revision         integer      not null default 0
);
