-- fct_finding: every finding of every type with the columns they share, one table to sort,
-- filter and report on. Each type's own detail is in its fct_ table (fct_policy_breach,
-- fct_reporting_discrepancy, fct_rogue_metric, fct_submission_gap, fct_retroactive_revision),
-- joined by detail_key; the raw rows behind a finding are in fct_finding_lineage.
-- finding_key is stable: the same problem has the same key in every run.
-- Severities of finding types that no policy rates: a discrepancy takes the severity of the
-- policy on its KPI (else medium); a missing submission is medium, a late one low; a rogue
-- metric is low; a flattering revision is medium, any other revision low.
-- Grain: one row per finding.
create or replace table fct_finding as
with

policy_on_kpi as (
    select kpi_id,
           arg_max(severity, case severity when 'critical' then 4 when 'high' then 3
                                           when 'medium' then 2 else 1 end) as severity
    from dim_policy
    group by kpi_id
),

department_owner as (
    select department_code, min(role_id) as role_id from dim_role group by department_code
),

breaches as (
    select 'policy_breach:' || finding_key as finding_key,
           'policy_breach'                 as finding_type,
           finding_key                     as detail_key,
           severity,
           department_code,
           kpi_id,
           policy_id,
           week_start                      as period_start,
           week_start + 6                  as period_end,
           iso_week                        as period_label,
           threshold                       as target_value,
           measured_value,
           null::double                    as self_reported_value,
           gap,
           owner_role,
           deviation_id,
           is_covered_by_deviation
    from fct_policy_breach
),

discrepancies as (
    select 'reporting_discrepancy:' || d.finding_key,
           'reporting_discrepancy',
           d.finding_key,
           coalesce(p.severity, 'medium'),
           d.department_code,
           d.kpi_id,
           null,
           d.week_start,
           d.week_start + 6,
           d.iso_week,
           k.target,
           d.measured_value,
           d.reported_value,
           d.gap,
           d.owner_role,
           null,
           false
    from fct_reporting_discrepancy as d
    join dim_kpi as k using (kpi_id)
    left join policy_on_kpi as p using (kpi_id)
),

rogue as (
    select 'rogue_metric:' || r.finding_key,
           'rogue_metric',
           r.finding_key,
           'low',
           r.department_code,
           null,
           null,
           r.first_period_date,
           r.last_period_date,
           r.metric_name,
           null,
           null,
           r.latest_value,
           null,
           o.role_id,
           null,
           false
    from fct_rogue_metric as r
    left join department_owner as o using (department_code)
),

submissions as (
    select s.finding_type || ':' || s.finding_key,
           s.finding_type,
           s.finding_key,
           case s.finding_type when 'missing_submission' then 'medium' else 'low' end,
           s.department_code,
           null,
           null,
           s.period_start,
           s.period_end,
           s.period_label,
           null,
           null,
           null,
           s.days_late,
           o.role_id,
           null,
           false
    from fct_submission_gap as s
    left join department_owner as o using (department_code)
),

revisions as (
    select 'retroactive_revision:' || r.finding_key,
           'retroactive_revision',
           r.finding_key,
           case when r.is_flattering then 'medium' else 'low' end,
           r.department_code,
           r.kpi_id,
           null,
           r.period_date,
           r.period_date,
           r.iso_week,
           null,
           null,
           r.revised_value,
           r.revision,
           coalesce(k.owner_role, o.role_id),
           null,
           false
    from fct_retroactive_revision as r
    left join dim_kpi as k using (kpi_id)
    left join department_owner as o using (department_code)
),

unioned as (
    select * from breaches
    union all select * from discrepancies
    union all select * from rogue
    union all select * from submissions
    union all select * from revisions
),

objectives as (
    select kpi_id, list(distinct objective_id order by objective_id) as objective_ids
    from dim_objective_key_result
    group by kpi_id
),

final as (
    select u.*,
           coalesce(o.objective_ids, []::varchar[]) as objectives_at_risk,
           c.config_version,
           c.run_id
    from unioned as u
    left join objectives as o using (kpi_id)
    cross join run_context as c
)

select * from final;

comment on table fct_finding is 'Every finding of every type with the columns they share; one row per finding.';
