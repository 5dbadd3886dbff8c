-- The personal columns to search, per source (confidentiality.yml, kind personal), as the
-- config is now: filled by org.plumbline.erasure.LedgerErasure with bound parameters.
create or replace temp table erasure_personal_column (
    source_id   varchar not null,
    column_name varchar not null
);
