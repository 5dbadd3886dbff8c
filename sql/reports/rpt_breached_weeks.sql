-- rpt_breached_weeks: the breached weeks as the report lists them, with the department's own
-- figure beside the measured one. Grain: one row per policy and breached ISO week.
create or replace table rpt_breached_weeks as
with

breaches as (
    select * from fct_policy_breach
),

reported as (
    select * from int_reported_kpi_weekly
),

final as (
    select b.policy_id,
           b.iso_week,
           b.week_start,
           b.threshold,
           round(b.measured_value, 1)                     as measured_coverage,
           round(r.reported_value, 1)                     as self_reported_coverage,
           round(r.reported_value - b.measured_value, 1)  as gap_points,
           b.denominator_total::bigint                    as units_produced,
           b.numerator_total::bigint                      as units_inspected
    from breaches as b
    left join reported as r
      on r.kpi_id = b.kpi_id
     and r.department_code = b.department_code
     and r.week_start = b.week_start
    order by b.policy_id, b.week_start
)

select * from final
