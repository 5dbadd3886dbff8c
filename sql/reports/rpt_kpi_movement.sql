-- rpt_kpi_movement: how each KPI moved from the previous reporting period to this one, for
-- each period kind (rpt_report_period), the change, and whether that is better or worse given
-- the KPI's direction; relative_change (change as a share of the target) ranks the movements
-- across units. Only KPIs with a value in both periods.
-- is_listed: moved, by at least 1% of its target: the movements the summary page lists under
-- "what changed" and counts in its worse / better tile (one rule for both).
-- A reporting period's figure is the KPI as the report states it for a period of the common
-- grain (v_kpi_period: int_measured_kpi_period, int_reported_kpi_period, the figures the policy
-- pages judge and the chart draws), made from the common periods the reporting period holds.
-- It is not a mean of the common periods' figures, which would weigh a week of 100 parts like one
-- of 7,000; it is what the period's own rows make, by the KPI's definition, built from the
-- common periods' figures rather than from the rows a second time:
-- * a rate a system measures (numerator / denominator): each period's rate weighted by its
--   denominator, which is sum(numerator) / sum(denominator) over the whole reporting period;
-- * a department's own figure that is averaged (kpis.yml aggregation: mean): each period's mean
--   weighted by the values it averages, so the mean of all the values reported in it;
-- * a count or amount (dim_kpi.aggregation sum: a system's total without a denominator, or a
--   department's figure that is summed): per week, as the target is a week's (kpis.yml) and a month holds 4 or 5 weeks, a
--   quarter 12 to 14, so totals would compare the calendar. A department's amount is its
--   periods' total over the weeks those periods hold (dim_common_period.week_count). A
--   system's count comes from its weekly series (int_kpi_series_weekly): a week without a
--   complaint is 0, a week no export covered has no value, so a month in progress is counted
--   per week it has seen, not spread over the weeks it has yet to see.
-- So when the reporting period is one period of the common grain (a month at the month grain)
-- its rate or mean is v_kpi_period's figure for it, and an amount is that figure per week.
-- A common period counts in the reporting period that holds it: its first day + 3 and its last
-- day - 3 both inside. For an ISO week those are its Thursday, the rule every model places a week
-- by (stg_observation.placement_date, rpt_finding_change), so 2021-W13 (29 Mar-4 Apr) is April's;
-- a month or fiscal period lies wholly inside the month or quarter that holds it; none lies inside
-- a week, so at the month or fiscal grain a week's report compares no KPI (and says so:
-- ReportSentences.comparesKpis).
-- is_weekly_total: the figures are per week (a count or amount, above), so the summary says
-- "a week".
-- Grain: one row per period kind, KPI and department.
create or replace table rpt_kpi_movement as
with

periods as (
    select * from rpt_report_period
),

kpis as (
    select *,
           measured_source_id is not null and denominator_measure is not null as is_measured_rate,
           aggregation = 'sum'                                                as is_weekly_amount
    from dim_kpi
),

-- Each KPI's figure per department and period of the common grain, with what it weighs.
figures as (
    select m.kpi_id, m.department_code, m.period_start, m.measured_value as value, m.denominator_total as weight
    from int_measured_kpi_period as m
    join kpis as k using (kpi_id)
    where k.is_measured_rate and m.measured_value is not null
    union all
    select s.kpi_id, s.department_code, d.common_period_start, s.value, 1
    from int_kpi_series_weekly as s
    join kpis as k using (kpi_id)
    join dim_date as d on d.calendar_date = s.week_start + 3
    where k.measured_source_id is not null and k.is_weekly_amount and s.value is not null
    union all
    select r.kpi_id, r.department_code, r.period_start,
           case when k.is_weekly_amount then r.reported_value / c.week_count else r.reported_value end,
           case when k.is_weekly_amount then c.week_count else r.value_count end
    from int_reported_kpi_period as r
    join kpis as k using (kpi_id)
    join dim_common_period as c using (period_start)
    where k.measured_source_id is null and r.reported_value is not null
),

placed as (
    select p.period_kind, f.kpi_id, f.department_code, f.value, f.weight,
           c.period_start + 3 >= p.period_start and c.period_end - 3 <= p.period_end as is_in_period
    from periods as p
    join dim_common_period as c
      on c.period_start + 3 >= p.previous_start and c.period_end - 3 <= p.period_end
    join figures as f on f.period_start = c.period_start
),

means as (
    select period_kind, kpi_id, department_code,
           plumbline_sum(case when is_in_period then value * weight end) / plumbline_sum(case when is_in_period then weight end)
               as period_value,
           plumbline_sum(case when not is_in_period then value * weight end)
               / plumbline_sum(case when not is_in_period then weight end)
               as previous_value
    from placed
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
           k.is_weekly_amount as is_weekly_total
    from means as m
    join kpis as k using (kpi_id)
    left join dim_department as d using (department_code)
    where m.period_value is not null and m.previous_value is not null
)

select *, movement <> 'unchanged' and relative_change >= 0.01 as is_listed
from final order by period_kind, relative_change desc, kpi_id, department_code
