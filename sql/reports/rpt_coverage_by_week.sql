-- rpt_coverage_by_week: for each policy's KPI, measured beside self-reported, every week with
-- data: the report's chart. Grain: one row per policy and ISO week.
create or replace table rpt_coverage_by_week as
with

policies as (
    select distinct on (policy_id) policy_id, kpi_id, threshold
    from dim_policy
    order by policy_id, policy_version desc
),

weeks as (
    select kpi_id, department_code, iso_week, week_start from int_measured_kpi_weekly
    union
    select kpi_id, department_code, iso_week, week_start from int_reported_kpi_weekly
),

final as (
    select p.policy_id,
           w.iso_week,
           w.week_start,
           round(m.measured_value, 1) as measured_coverage,
           round(r.reported_value, 1) as self_reported_coverage,
           p.threshold
    from policies as p
    join weeks as w on w.kpi_id = p.kpi_id
    left join int_measured_kpi_weekly as m
      on m.kpi_id = w.kpi_id and m.department_code = w.department_code and m.week_start = w.week_start
    left join int_reported_kpi_weekly as r
      on r.kpi_id = w.kpi_id and r.department_code = w.department_code and r.week_start = w.week_start
    where w.week_start <= (select as_of_date from run_context)
    order by p.policy_id, w.week_start
)

select * from final
