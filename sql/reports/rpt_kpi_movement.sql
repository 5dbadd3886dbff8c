-- rpt_kpi_movement: how each KPI moved from the previous reporting period to this one, for
-- each period kind (rpt_report_period): the mean of its weekly values (int_kpi_series_weekly,
-- as the scorecard counts them) over the weeks of each period, the change, and whether
-- that is better or worse given the KPI's direction; relative_change (change as a share of the
-- target) ranks the movements across units. Only KPIs with a value in both periods.
-- is_listed: moved, by at least 1% of its target: the movements the summary page lists under
-- "what changed" and counts in its worse / better tile (one rule for both).
-- A week is in the period its Thursday is in (week_start + 3, the rule of
-- stg_observation.placement_date and rpt_finding_change), so 2021-W13 (29 Mar-4 Apr) is April's.
-- is_weekly_total: the KPI's weekly values are totals of the week (a count or amount, aggregation
-- sum, that a system of record measures without a denominator, summed per week:
-- int_measured_kpi_weekly), so its figures are "a week"; a rate, a time or a department's own
-- figure (a monthly figure sits in one week) is no weekly total.
-- Grain: one row per period kind, KPI and department.
create or replace table rpt_kpi_movement as
with

periods as (
    select * from rpt_report_period
),

series as (
    select kpi_id, department_code, week_start, value
    from int_kpi_series_weekly
    where value is not null
),

means as (
    select p.period_kind, s.kpi_id, s.department_code,
           avg(s.value) filter (where s.week_start + interval 3 day between p.period_start and p.period_end)     as period_value,
           avg(s.value) filter (where s.week_start + interval 3 day between p.previous_start and p.previous_end) as previous_value
    from periods as p
    join series as s on s.week_start + interval 3 day between p.previous_start and p.period_end
    group by all
),

final as (
    select m.period_kind, m.kpi_id, k.kpi_name, k.unit, k.direction, k.target as target_value,
           m.department_code, d.department_name,
           m.previous_value, m.period_value,
           m.period_value - m.previous_value as change,
           case when abs(m.period_value - m.previous_value) < 1e-9 then 'unchanged'
                when (m.period_value > m.previous_value) = (k.direction = 'higher_is_better') then 'better'
                else 'worse' end as movement,
           abs(m.period_value - m.previous_value) / greatest(abs(k.target), 1e-9) as relative_change,
           k.aggregation = 'sum' and k.measured_source_id is not null and k.denominator_measure is null
                                                                    as is_weekly_total
    from means as m
    join dim_kpi as k using (kpi_id)
    left join dim_department as d using (department_code)
    where m.period_value is not null and m.previous_value is not null
)

select *, movement <> 'unchanged' and relative_change >= 0.01 as is_listed
from final order by period_kind, relative_change desc, kpi_id, department_code
