-- rpt_breached_weeks: the breached periods as the report lists them, with the department's own
-- figure beside the measured one. The periods are those of the common grain (dim_calendar:
-- ISO week by default, month or fiscal period), as fct_policy_breach judges them; the report
-- names them by rpt_context.period_grain. Grain: one row per policy and breached period.
create or replace table rpt_breached_weeks as
with

breaches as (
    select * from fct_policy_breach
),

final as (
    select b.policy_id,
           b.period_label,
           b.period_start,
           b.threshold,
           round(b.measured_value, 1)                     as measured_coverage,
           round(b.self_reported_value, 1)                    as self_reported_coverage,
           round(b.self_reported_value - b.measured_value, 1) as gap_points,
           b.denominator_total::bigint                    as units_produced,
           b.numerator_total::bigint                      as units_inspected
    from breaches as b
    order by b.policy_id, b.period_start
)

select * from final
