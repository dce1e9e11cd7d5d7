-- What an organisation has made readable without credentials, for its website: a comma-separated
-- subset of mission, vision, values and document (empty: nothing). Everything else always needs credentials.
alter table organization add column public_reads varchar(100) not null default '';
