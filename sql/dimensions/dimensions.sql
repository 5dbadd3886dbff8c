-- Dimensions: the governance model (config/governance/*.yml) as tables. Dropped and
-- reloaded from the config at the start of every run, so they always show the config
-- version recorded in run_context. Loaded by org.plumbline.governance.DimensionLoader.

create or replace table dim_department (
    department_code varchar primary key,
    department_name varchar not null
);

-- Other names a department goes by in files.
create or replace table dim_department_alias (
    department_code varchar not null,
    alias           varchar not null
);

-- One row per catalogue KPI; measured_* describe the system-of-record definition:
-- sum(numerator) / sum(denominator) * scale over the source rows matching dim_kpi_filter.
create or replace table dim_kpi (
    kpi_id              varchar primary key,
    kpi_name            varchar not null,
    triad_dimension     varchar not null,   -- quality | cost | speed
    unit                varchar not null,
    direction           varchar not null,   -- higher_is_better | lower_is_better
    target              double,
    owner_role          varchar,
    tolerance           double not null,
    measured_source_id  varchar,
    numerator_measure   varchar,
    denominator_measure varchar,
    measured_scale      double
);

create or replace table dim_kpi_filter (
    kpi_id    varchar not null,
    attribute varchar not null,             -- part_id | part_class | lot_id
    value     varchar not null
);

-- A department's own name for a catalogue KPI, as it appears in its spreadsheets.
create or replace table dim_kpi_local_name (
    department_code varchar not null,
    local_name      varchar not null,
    kpi_id          varchar not null
);

create or replace table dim_role (
    role_id           varchar primary key,
    role_title        varchar not null,
    department_code   varchar,
    can_pause_process boolean not null
);

-- One row per policy version; effective_to is null while the version is in force.
create or replace table dim_policy (
    policy_id      varchar not null,
    policy_version integer not null,
    statement      varchar not null,
    kpi_id         varchar not null,
    comparator     varchar not null,        -- >= | > | <= | < | =
    threshold      double not null,
    owner_role     varchar,
    severity       varchar not null,        -- low | medium | high | critical
    effective_from date not null,
    effective_to   date
);

create or replace table dim_policy_scope (
    policy_id      varchar not null,
    policy_version integer not null,
    attribute      varchar not null,
    value          varchar not null
);

create or replace table dim_source (
    source_id       varchar primary key,
    department_code varchar,
    system_name     varchar,
    kind            varchar not null,       -- self_reported | system_of_record
    file_format     varchar not null,       -- xlsx | csv | json | parquet
    file_pattern    varchar not null,
    sheet_name      varchar,
    header_row      integer not null,       -- 0: found by looking for the source's columns
    period_column   varchar,                -- null where the periods are the column headers
    period_grain    varchar,                -- day | week; null for shape rows_only
    date_format     varchar,                -- strptime format for text dates, null for ISO
    decimal_mark    varchar not null,       -- . or ,
    skip_column     varchar,
    skip_pattern    varchar,
    shape           varchar not null,       -- column_per_metric | metric_per_row | periods_across | rows_only
    metric_column   varchar,                -- the column naming the metric (metric_per_row, periods_across)
    value_column    varchar,                -- the column holding the value (metric_per_row)
    version_key     varchar not null        -- file_name | periods: what makes two files versions of one document
);

-- Columns holding values. column_name is null where every row counts as constant_value.
create or replace table dim_source_metric (
    source_id      varchar not null,
    metric_ordinal integer not null,
    column_name    varchar,
    metric_name    varchar not null,
    scale          double not null,
    constant_value double,
    unit           varchar                 -- percent | fraction | ppm as delivered; null: the KPI's unit
);

-- The metrics of a source that hold money, in the currency the source books them in
-- (sources.yml: currency on the source or the metric); converted to the reporting currency
-- (dim_calendar) by the exchange rate of the period's month in int_observation_current.
create or replace table dim_money_column (
    source_id   varchar not null,
    metric_name varchar not null,
    currency    varchar not null
);

-- Columns holding attributes of a row (part, part class, lot).
create or replace table dim_source_attribute (
    source_id   varchar not null,
    attribute   varchar not null,
    column_name varchar not null
);

-- The severity of each finding case no policy rates (finding_severities in the governance
-- files, else the defaults of org.plumbline.governance.FindingSeverity): every case has a row.
create or replace table dim_finding_severity (
    finding_case varchar primary key,   -- reporting_discrepancy | rogue_metric | missing_submission | ...
    severity     varchar not null       -- low | medium | high | critical
);
