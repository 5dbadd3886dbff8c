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
