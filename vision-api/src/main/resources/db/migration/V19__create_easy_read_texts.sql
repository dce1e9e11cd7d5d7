-- Easy-read texts (docs/api-guide.md, "Easy-read texts"). A version may carry, per language, a text at language level B1
-- ("makkelijk lezen") with the version's item keys and a DRAFT/APPROVED status: exactly what a
-- translation is, so it is kept in the same table, told apart by its variant. The standard text of
-- the default language is the version's own content (never a row here); its easy-read text is a row
-- like any other.
alter table element_translation add column variant varchar(16) not null default 'STANDARD'
    check (variant in ('STANDARD', 'EASY_READ'));
-- Every row before this migration is a translation; from now on the code names the variant of each.
alter table element_translation alter column variant drop default;

-- One text per version, variant and language (was: per version and language).
alter table element_translation drop constraint element_translation_version_id_language_key;
alter table element_translation add constraint element_translation_version_variant_language_key
    unique (version_id, variant, language);
