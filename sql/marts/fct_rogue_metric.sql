-- fct_rogue_metric: metrics a department reports that are not in the KPI catalogue: its own
-- name for them is not mapped to any KPI in departments.yml (local_kpi_names). Either the
-- catalogue lacks a KPI the department steers by, or the department measures something no one
-- governs. Grain: one row per department, source and metric name.
create or replace table fct_rogue_metric as
with

reported as (
    select * from int_observation_current where source_kind = 'self_reported' and is_current
),

unmapped as (
    select r.*
    from reported as r
    where not exists (
        select 1 from dim_kpi_local_name as n
        where n.department_code = r.department_code and n.local_name = r.metric_name
    )
),

final as (
    select department_code || '/' || source_id || '/' || metric_name as finding_key,
           department_code,
           source_id,
           metric_name,
           min(period_date)                      as first_period_date,
           max(period_date)                      as last_period_date,
           count(*)                              as value_count,
           arg_max(metric_value, period_date)    as latest_value,
           list(distinct load_id order by load_id) as load_ids,
           (select config_version from run_context) as config_version
    from unmapped
    group by department_code, source_id, metric_name
)

select * from final;

comment on table fct_rogue_metric is 'Metrics a department reports that no local KPI name maps to the catalogue; one row per department, source and metric name.';

-- What each column means, for analysts reading the warehouse (DuckDB CLI, DBeaver) and for
-- docs/data-dictionary.md.
comment on column fct_rogue_metric.finding_key is 'department/source/metric (the type''s own key).';
comment on column fct_rogue_metric.department_code is 'The department (departments.yml).';
comment on column fct_rogue_metric.source_id is 'The source (sources.yml).';
comment on column fct_rogue_metric.metric_name is 'The department''s name for the metric, not mapped to the catalogue.';
comment on column fct_rogue_metric.first_period_date is 'The first period it was reported for.';
comment on column fct_rogue_metric.last_period_date is 'The last period it was reported for.';
comment on column fct_rogue_metric.value_count is 'How many values were reported.';
comment on column fct_rogue_metric.latest_value is 'The value of the latest period.';
comment on column fct_rogue_metric.load_ids is 'The loads (load_audit.load_id) whose rows the finding was computed from.';
comment on column fct_rogue_metric.config_version is 'The governance config version (SHA-256 of the files) the run used; its files: v_config_version.';
