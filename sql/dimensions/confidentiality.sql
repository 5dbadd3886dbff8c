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
