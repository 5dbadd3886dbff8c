-- rpt_coverage_by_week: for each policy's KPI, measured beside self-reported, every week with
-- data: the report's chart. threshold is the one of the policy version that judges the week,
-- by fct_policy_breach's rule: the version in force at the start of the week's period of the
-- common grain (dim_date.common_period_start, the week placed by its Thursday as
-- stg_observation.placement_date places it). A week before the policy's first version took
-- effect, or after its last one ended, is judged by none: its threshold is null.
-- The chart is drawn per policy and department (a company-wide policy's departments each have
-- their own measured and reported lines), in the KPI's unit.
-- Grain: one row per policy, department and ISO week.
create or replace table rpt_coverage_by_week as
with

policies as (
    select distinct policy_id, kpi_id from dim_policy
),

weeks as (
    select kpi_id, department_code, iso_week, week_start from int_measured_kpi_weekly
    union
    select kpi_id, department_code, iso_week, week_start from int_reported_kpi_weekly
),

-- The period of the common grain each week is judged in (its start is what picks the version).
judged_periods as (
    select w.*, d.common_period_start
    from weeks as w
    left join dim_date as d on d.calendar_date = w.week_start + 3
),

final as (
    select p.policy_id,
           w.department_code,
           coalesce(dep.department_name, w.department_code) as department_name,
           k.kpi_name,
           k.unit,
           w.iso_week,
           w.week_start,
           round(m.measured_value, 1) as measured_coverage,
           round(r.reported_value, 1) as self_reported_coverage,
           v.threshold
    from policies as p
    join judged_periods as w on w.kpi_id = p.kpi_id
    -- the version in force at the period's start: fct_policy_breach's join, word for word
    left join dim_policy as v
      on v.policy_id = p.policy_id
     and w.common_period_start >= v.effective_from
     and (v.effective_to is null or w.common_period_start <= v.effective_to)
    left join int_measured_kpi_weekly as m
      on m.kpi_id = w.kpi_id and m.department_code = w.department_code and m.week_start = w.week_start
    left join int_reported_kpi_weekly as r
      on r.kpi_id = w.kpi_id and r.department_code = w.department_code and r.week_start = w.week_start
    join dim_kpi as k on k.kpi_id = p.kpi_id
    left join dim_department as dep on dep.department_code = w.department_code
    where w.week_start <= (select as_of_date from run_context)
    order by p.policy_id, w.department_code, w.week_start
)

select * from final
