-- int_triad_scorecard: the triad scorecard, worked out once: per department and period, quality,
-- cost and speed side by side, each against its targets: how many of the department's KPIs in
-- that dimension have a value in the period, how many meet their target, and the one furthest
-- off (its value and target). A dimension without any KPI value is 'not reported'. Two relations
-- show it and neither repeats this logic: the report's scorecard (rpt_triad_scorecard) takes the
-- periods of the common grain, the weekly scorecard analysts read (mart_triad_scorecard) the weeks.
-- period_grain says which periods a row is of:
-- * the common grain (calendar.yml common_grain: week, month or fiscal_period): each KPI's figure
--   for the period is v_kpi_period's, the one the policy pages judge, the chart draws and "what
--   changed" compares: as its system of record measures it where one does (a rate is
--   sum(numerator) / sum(denominator) over the period, so a month of 340 of 400 parts inspected
--   is 85.0%, not the mean of its weeks' rates), else as the department reported it, combined by
--   the KPI's aggregation. A count a system measures without a denominator (complaints) is 0 in
--   a period its exports covered without a row (int_source_week). A period whose money lacks an
--   exchange rate stays without a value.
-- * 'week', at a month or fiscal grain: each ISO week of the weekly series, for the weekly
--   scorecard. At the week grain the common periods are the ISO weeks, and v_kpi_period holds what
--   the weekly series holds, so the weeks are not listed twice.
-- A target is a week's (kpis.yml), so an amount's target for a period is the weekly target times
-- the weeks the period holds (dim_common_period.week_count): a month's freight cost of
-- 30,500 EUR is held against 4 or 5 weeks of an 8,000 EUR target, not against one. A rate's or a
-- time's target is the KPI's.
-- Grain: one row per department, period grain and period with at least one KPI value.
create or replace table int_triad_scorecard as
with

kpis as (
    select * from dim_kpi
),

calendar as (
    select common_grain from dim_calendar limit 1
),

stated as (
    select v.department_code, v.period_grain, v.period_label, v.period_start, v.period_end, v.kpi_id,
           case when k.measured_source_id is not null then v.measured_value else v.reported_value end as value
    from v_kpi_period as v
    join kpis as k using (kpi_id)
),

weeks as (
    select s.department_code, 'week' as period_grain, s.iso_week as period_label, s.week_start as period_start,
           s.week_start + 6 as period_end, s.kpi_id, s.value
    from int_kpi_series_weekly as s
    cross join calendar as c
    where c.common_grain <> 'week'
),

figures as (
    select f.*, p.week_count
    from stated as f
    join dim_common_period as p using (period_start)
    union all
    select *, 1 as week_count from weeks
),

judged as (
    select f.department_code, f.period_grain, f.period_label, f.period_start, f.period_end, f.kpi_id, f.value,
           k.triad_dimension, k.direction,
           case k.aggregation when 'mean' then k.target else k.target * f.week_count end as target
    from figures as f
    join kpis as k using (kpi_id)
    where f.value is not null
),

scored as (
    select *,
           case when direction = 'higher_is_better' then value >= target else value <= target end as is_on_target,
           -- how far off target, as a share of the target, so KPIs of different units compare
           case when direction = 'higher_is_better' then target - value else value - target end
               / nullif(abs(target), 0) as relative_shortfall
    from judged
),

-- the KPI furthest off in its dimension; of two equally far off (12,690 of 12,000 units and 846 of
-- 800 a shift are both 5.75% over), the first by id, so the same figures always name the same KPI
ranked as (
    select *,
           relative_shortfall is not null
           and row_number() over (partition by department_code, period_grain, period_start, triad_dimension
                                  order by relative_shortfall desc nulls last, kpi_id) = 1 as is_worst
    from scored
),

by_dimension as (
    select department_code, period_grain, period_start, triad_dimension,
           count(*)                                     as kpi_count,
           count(*) filter (where is_on_target)         as on_target_count,
           case when count(*) filter (where is_on_target) = count(*) then 'on target' else 'off target' end
               as status,
           any_value(kpi_id) filter (where is_worst)    as worst_kpi_id,
           any_value(value) filter (where is_worst)     as worst_value,
           any_value(target) filter (where is_worst)    as worst_target
    from ranked
    group by all
),

periods as (
    select distinct department_code, period_grain, period_label, period_start, period_end from ranked
),

final as (
    select p.department_code,
           p.period_grain,
           p.period_label,
           p.period_start,
           p.period_end,
           coalesce(q.kpi_count, 0)       as quality_kpi_count,
           coalesce(q.on_target_count, 0) as quality_on_target_count,
           coalesce(q.status, 'not reported') as quality_status,
           q.worst_kpi_id                 as quality_worst_kpi_id,
           q.worst_value                  as quality_worst_value,
           q.worst_target                 as quality_worst_target,
           coalesce(c.kpi_count, 0)       as cost_kpi_count,
           coalesce(c.on_target_count, 0) as cost_on_target_count,
           coalesce(c.status, 'not reported') as cost_status,
           c.worst_kpi_id                 as cost_worst_kpi_id,
           c.worst_value                  as cost_worst_value,
           c.worst_target                 as cost_worst_target,
           coalesce(s.kpi_count, 0)       as speed_kpi_count,
           coalesce(s.on_target_count, 0) as speed_on_target_count,
           coalesce(s.status, 'not reported') as speed_status,
           s.worst_kpi_id                 as speed_worst_kpi_id,
           s.worst_value                  as speed_worst_value,
           s.worst_target                 as speed_worst_target
    from periods as p
    left join by_dimension as q
      on q.department_code = p.department_code and q.period_grain = p.period_grain
     and q.period_start = p.period_start and q.triad_dimension = 'quality'
    left join by_dimension as c
      on c.department_code = p.department_code and c.period_grain = p.period_grain
     and c.period_start = p.period_start and c.triad_dimension = 'cost'
    left join by_dimension as s
      on s.department_code = p.department_code and s.period_grain = p.period_grain
     and s.period_start = p.period_start and s.triad_dimension = 'speed'
)

select * from final
