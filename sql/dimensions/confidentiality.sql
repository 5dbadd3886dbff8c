-- Dimension of the confidentiality section (config/governance/confidentiality.yml): source
-- columns holding personal or sensitive data. Reloaded with the other dimensions every run,
-- by org.plumbline.governance.ConfidentialityDimensionLoader. sql/publish/mask_snapshot.sql
-- masks or drops these columns in the analysts' snapshot; `plumbline erase` searches them.

-- One row per marked column of a source.
create or replace table dim_confidential_column (
    source_id          varchar not null,
    column_name        varchar not null,    -- the header in the source's files
    data_kind          varchar not null,    -- personal | sensitive
    analysts_treatment varchar not null,    -- mask (a marker in place of the value) | drop (null)
    primary key (source_id, column_name)
);

-- What each column means, for analysts reading the warehouse (DuckDB CLI, DBeaver) and for
-- docs/data-dictionary.md.
comment on table dim_confidential_column is 'Source columns holding personal or sensitive data (confidentiality.yml); masked or dropped in analysts'' copies.';
comment on column dim_confidential_column.source_id is 'The source (sources.yml).';
comment on column dim_confidential_column.column_name is 'The column''s header in the source file.';
comment on column dim_confidential_column.data_kind is 'personal or sensitive.';
comment on column dim_confidential_column.analysts_treatment is 'mask (a marker in place of the value) or drop (null) in published copies.';
