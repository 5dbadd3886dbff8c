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
    measured_scale      double,
    aggregation         varchar not null    -- mean | sum: how a department's figures for shorter periods combine
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
    version_key     varchar not null,       -- file_name | periods: what makes two files versions of one document
    department_column varchar,              -- the column naming each row's department (one export, several departments)
    settings_fingerprint varchar not null   -- what reading its files depends on now (ReadingSettings; ledger V15)
);

-- The tables of a sheet that holds several (a source's tables in sources.yml), each with the
-- settings it is read under: its own where it gives them, else its source's. A value's grain is
-- its table's (a weekly table above a monthly one on the same sheet).
create or replace table dim_source_table (
    source_id      varchar not null,
    table_name     varchar not null,
    table_ordinal  integer not null,       -- the table's place on the sheet, from 1
    shape          varchar not null,
    period_column  varchar,
    period_grain   varchar,
    metric_column  varchar,
    value_column   varchar,
    date_format    varchar,                -- strptime format of its period texts, null for ISO
    skip_column    varchar,
    skip_pattern   varchar,
    own_metrics    boolean not null,       -- its metrics are the dim_source_metric rows with its table_name
    own_attributes boolean not null        -- its attributes are the dim_source_attribute rows with its table_name
);

-- Columns holding values. column_name is null where every row counts as constant_value.
-- Grain: one row per metric of a source's list ('' table_name) or of a table's own list.
create or replace table dim_source_metric (
    source_id      varchar not null,
    table_name     varchar not null,       -- '': the source's list, which its tables without their own share
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
-- Grain: one row per attribute of a source ('' table_name) or of a table that names its own.
create or replace table dim_source_attribute (
    source_id   varchar not null,
    table_name  varchar not null,          -- '': the source's, which its tables without their own share
    attribute   varchar not null,
    column_name varchar not null
);

-- The severity of each finding case no policy rates (finding_severities in the governance
-- files, else the defaults of org.plumbline.governance.FindingSeverity): every case has a row.
create or replace table dim_finding_severity (
    finding_case varchar primary key,   -- reporting_discrepancy | rogue_metric | missing_submission | ...
    severity     varchar not null       -- low | medium | high | critical
);

-- What each column means, for analysts reading the warehouse (DuckDB CLI, DBeaver) and for
-- docs/data-dictionary.md.
comment on table dim_department is 'Departments (departments.yml).';
comment on column dim_department.department_code is 'The department''s code, used everywhere else.';
comment on column dim_department.department_name is 'The department''s name.';
comment on table dim_department_alias is 'Other names a department goes by in files; one row per department and alias.';
comment on column dim_department_alias.department_code is 'The department (departments.yml).';
comment on column dim_department_alias.alias is 'The other name.';
comment on table dim_finding_severity is 'The severity of each finding case no policy rates (findings.yml: finding_severities, else the defaults); one row per case.';
comment on column dim_finding_severity.finding_case is 'reporting_discrepancy, rogue_metric, missing_submission, late_submission, retroactive_revision, flattering_revision or missing_exchange_rate.';
comment on column dim_finding_severity.severity is 'low, medium, high or critical.';
comment on table dim_kpi is 'The KPI catalogue (kpis.yml): one definition per KPI.';
comment on column dim_kpi.kpi_id is 'The catalogue KPI (kpis.yml).';
comment on column dim_kpi.kpi_name is 'The KPI''s name.';
comment on column dim_kpi.triad_dimension is 'quality, cost or speed.';
comment on column dim_kpi.unit is 'The KPI''s unit: percent, units, count, or the reporting currency for money.';
comment on column dim_kpi.direction is 'higher_is_better or lower_is_better.';
comment on column dim_kpi.target is 'The KPI''s target.';
comment on column dim_kpi.owner_role is 'The role accountable (roles.yml).';
comment on column dim_kpi.tolerance is 'How far, in the KPI''s unit, a self-reported figure may be from the measured one.';
comment on column dim_kpi.measured_source_id is 'The system-of-record source that measures it; null where none does.';
comment on column dim_kpi.numerator_measure is 'The measure summed as numerator.';
comment on column dim_kpi.denominator_measure is 'The measure summed as denominator; null for a plain sum.';
comment on column dim_kpi.measured_scale is 'Multiplies numerator / denominator (100 for a percentage).';
comment on column dim_kpi.aggregation is 'How a department''s figures for shorter periods make a longer one''s (weekly figures compared per month), and whether a period''s figure is a total (sum: held against its weeks'' targets): for a KPI a system measures, mean for a ratio (measured_by with a denominator), sum for a total (without one); for any other, kpis.yml aggregation, or mean for a rate or a time (percent, ppm, days, h, min), sum for an amount or a count.';
comment on table dim_kpi_filter is 'Filters on a KPI''s measurement (kpis.yml: measured_by.filter): only source rows with these attribute values count.';
comment on column dim_kpi_filter.kpi_id is 'The catalogue KPI (kpis.yml).';
comment on column dim_kpi_filter.attribute is 'The row attribute: part_id, part_class or lot_id.';
comment on column dim_kpi_filter.value is 'The value the attribute must have.';
comment on table dim_kpi_local_name is 'A department''s own name for a catalogue KPI, as in its spreadsheets (departments.yml: local_kpi_names).';
comment on column dim_kpi_local_name.department_code is 'The department (departments.yml).';
comment on column dim_kpi_local_name.local_name is 'The department''s name for the KPI.';
comment on column dim_kpi_local_name.kpi_id is 'The catalogue KPI (kpis.yml).';
comment on table dim_money_column is 'The source metrics holding money, with the currency they are booked in (sources.yml: currency); converted to the reporting currency on the way to the facts.';
comment on column dim_money_column.source_id is 'The source (sources.yml).';
comment on column dim_money_column.metric_name is 'The metric''s name: a system-of-record measure or the department''s local KPI name.';
comment on column dim_money_column.currency is 'The currency the source books the metric in.';
comment on table dim_policy is 'Policies (policies.yml); one row per version, with the dates it is in force.';
comment on column dim_policy.policy_id is 'The policy (policies.yml).';
comment on column dim_policy.policy_version is 'The version of the policy (policies.yml: version).';
comment on column dim_policy.statement is 'What the policy demands, in words.';
comment on column dim_policy.kpi_id is 'The catalogue KPI (kpis.yml).';
comment on column dim_policy.comparator is 'How the measured value is compared with the threshold: >=, >, <=, < or =.';
comment on column dim_policy.threshold is 'The policy''s threshold, in the KPI''s unit.';
comment on column dim_policy.owner_role is 'The role accountable (roles.yml).';
comment on column dim_policy.severity is 'The severity of a breach: low, medium, high or critical.';
comment on column dim_policy.effective_from is 'First day in force.';
comment on column dim_policy.effective_to is 'Last day in force; null while still in force.';
comment on table dim_policy_scope is 'What a policy version applies to (policies.yml: scope), e.g. part_class CRITICAL.';
comment on column dim_policy_scope.policy_id is 'The policy (policies.yml).';
comment on column dim_policy_scope.policy_version is 'The version of the policy (policies.yml: version).';
comment on column dim_policy_scope.attribute is 'The row attribute: part_id, part_class or lot_id.';
comment on column dim_policy_scope.value is 'The value the attribute must have.';
comment on table dim_role is 'Roles (roles.yml): who is accountable, and whether they may stop the process.';
comment on column dim_role.role_id is 'The role (roles.yml).';
comment on column dim_role.role_title is 'The role''s title.';
comment on column dim_role.department_code is 'The department the role belongs to.';
comment on column dim_role.can_pause_process is 'Whether the role has the authority to pause the process a policy governs.';
comment on table dim_source is 'Sources (sources.yml): where each file comes from and how it is read.';
comment on column dim_source.source_id is 'The source (sources.yml).';
comment on column dim_source.department_code is 'The department (departments.yml) of the source''s rows; with a department_column, of the rows whose cell in it is empty; null for a system''s export that names none.';
comment on column dim_source.system_name is 'The system of record''s name (MES, ERP…); null for a department''s own file.';
comment on column dim_source.kind is 'self_reported or system_of_record.';
comment on column dim_source.file_format is 'xlsx, csv, json or parquet.';
comment on column dim_source.file_pattern is 'The file-name pattern matched in the inbox.';
comment on column dim_source.sheet_name is 'The worksheet read (xlsx); null for the first.';
comment on column dim_source.header_row is 'The row or line of the header; 0 when found automatically.';
comment on column dim_source.period_column is 'The column holding the period; null where periods are the column headers.';
comment on column dim_source.period_grain is 'day, week or month: what one period value describes.';
comment on column dim_source.date_format is 'The strptime format of period dates typed as text (date_format, or the csv block''s); null for ISO dates.';
comment on column dim_source.decimal_mark is '. or ,';
comment on column dim_source.skip_column is 'The column whose matching values mark layout rows (totals).';
comment on column dim_source.skip_pattern is 'The regular expression marking layout rows.';
comment on column dim_source.shape is 'column_per_metric, metric_per_row, periods_across or rows_only.';
comment on column dim_source.metric_column is 'The column naming the metric (metric_per_row, periods_across).';
comment on column dim_source.value_column is 'The column holding the value (metric_per_row).';
comment on column dim_source.version_key is 'file_name or periods: what makes two files versions of one document.';
comment on column dim_source.department_column is 'The column naming each row''s department, by a department''s code, name or alias (departments.yml), in a system''s export covering several departments; null: every row is department_code''s.';
comment on column dim_source.settings_fingerprint is 'SHA-256 of the settings a file of the source is read under with the config now (its entry and what else the reading takes from the config, in a canonical form); a load whose latest reading has another (load_settings, ledger V15) was read under other settings: rpt_stale_reading.';
comment on table dim_source_attribute is 'The columns holding a row''s attributes (part, part class, lot): the source''s, and those of each table that names its own.';
comment on column dim_source_attribute.source_id is 'The source (sources.yml).';
comment on column dim_source_attribute.table_name is 'The table (dim_source_table) that names this attribute column as its own; empty for the source''s, which every table without its own attributes reads.';
comment on column dim_source_attribute.attribute is 'The row attribute: part_id, part_class or lot_id.';
comment on column dim_source_attribute.column_name is 'The column''s header in the source file.';
comment on table dim_source_table is 'The tables of a sheet holding several (sources.yml: a source''s tables) and how each is read: its own settings, else its source''s.';
comment on column dim_source_table.source_id is 'The source (sources.yml).';
comment on column dim_source_table.table_name is 'The table''s name (raw_sheet.table_name).';
comment on column dim_source_table.table_ordinal is 'The table''s place on the sheet, from 1.';
comment on column dim_source_table.shape is 'column_per_metric, metric_per_row, periods_across or rows_only.';
comment on column dim_source_table.period_column is 'The column holding the period; null where periods are the column headers.';
comment on column dim_source_table.period_grain is 'day, week or month: what one of the table''s period values describes.';
comment on column dim_source_table.metric_column is 'The column naming the metric (metric_per_row, periods_across).';
comment on column dim_source_table.value_column is 'The column holding the value (metric_per_row).';
comment on column dim_source_table.date_format is 'The strptime format of the table''s period texts (its own, else the source''s date_format or csv date_format); null for ISO dates.';
comment on column dim_source_table.skip_column is 'The column whose matching values mark the table''s layout rows (its own rule, else the source''s).';
comment on column dim_source_table.skip_pattern is 'The regular expression marking the table''s layout rows (its own rule, else the source''s).';
comment on column dim_source_table.own_metrics is 'Whether the table lists its own metrics (dim_source_metric rows with its table_name) rather than reading the source''s (table_name empty).';
comment on column dim_source_table.own_attributes is 'Whether the table names its own attribute columns (dim_source_attribute rows with its table_name, none if it reads none) rather than reading the source''s (table_name empty).';
comment on table dim_source_metric is 'The columns of a source holding values: the source''s list, and the own list of each table that has one.';
comment on column dim_source_metric.source_id is 'The source (sources.yml).';
comment on column dim_source_metric.table_name is 'The table (dim_source_table) whose own list this metric is in; empty for the source''s list, which every table without its own reads.';
comment on column dim_source_metric.metric_ordinal is 'The metric''s position in its list (the source''s or the table''s), from 1.';
comment on column dim_source_metric.column_name is 'The header in the file; null where every row counts as constant_value.';
comment on column dim_source_metric.metric_name is 'The metric''s name: a system-of-record measure or the department''s local KPI name.';
comment on column dim_source_metric.scale is 'Multiplies the value (1000 for figures in thousands).';
comment on column dim_source_metric.constant_value is 'The value every row counts as (one complaint per row); null for a column.';
comment on column dim_source_metric.unit is 'percent, fraction or ppm as delivered; null: the KPI''s unit.';
