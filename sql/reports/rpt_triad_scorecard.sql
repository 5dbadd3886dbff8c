-- rpt_triad_scorecard: quality, cost and speed side by side per department and period of the
-- common grain (dim_calendar: ISO week by default, month or fiscal period), each against target,
-- with the names of the KPIs furthest off, each worst figure and its target in the KPI's unit.
-- The report shows each department's latest period inside the reporting period.
-- A KPI's figure for a period is made from its weekly series (int_kpi_series_weekly: measured
-- where a system measures it, else as reported), each week placed in the period its Thursday is
-- in, as every model places a week, and combined by the KPI's aggregation (dim_kpi): the mean of
-- the weeks for a rate or a time, their sum for an amount. A target is a week's (kpis.yml), so an
-- amount's target for a period is the weekly target times the weeks the period holds: a month's
-- freight cost of 30,500 EUR is held against 4 or 5 weeks of an 8,000 EUR target, not against one.
-- At the week grain every period is one week, and this is mart_triad_scorecard's week.
-- Grain: one row per department and period with at least one KPI value.
create or replace table rpt_triad_scorecard as
with

weekly as (
    select s.department_code, s.kpi_id, s.value, d.common_period_label, d.common_period_start, d.common_period_end,
           d.common_period_week_count
    from int_kpi_series_weekly as s
    join dim_date as d on d.calendar_date = s.week_start + 3
    where s.value is not null
),

valued as (
    select w.department_code, w.common_period_label as period_label, w.common_period_start as period_start,
           any_value(w.common_period_end) as period_end, w.kpi_id,
           any_value(k.triad_dimension) as triad_dimension, any_value(k.direction) as direction,
           case any_value(k.aggregation) when 'mean' then avg(w.value) else sum(w.value) end as value,
           case any_value(k.aggregation) when 'mean' then any_value(k.target)
                else any_value(k.target) * any_value(w.common_period_week_count) end as target
    from weekly as w
    join dim_kpi as k using (kpi_id)
    group by w.department_code, w.common_period_label, w.common_period_start, w.kpi_id
),

judged as (
    select *,
           case when direction = 'higher_is_better' then value >= target else value <= target end as is_on_target,
           -- how far off target, as a share of the target, so KPIs of different units compare
           case when direction = 'higher_is_better' then target - value else value - target end
               / nullif(abs(target), 0) as relative_shortfall
    from valued
),

by_dimension as (
    select department_code, period_label, period_start, triad_dimension,
           count(*)                                     as kpi_count,
           count(*) filter (where is_on_target)         as on_target_count,
           arg_max(kpi_id, relative_shortfall)          as worst_kpi_id,
           arg_max(value, relative_shortfall)           as worst_value,
           arg_max(target, relative_shortfall)          as worst_target
    from judged
    group by all
),

periods as (
    select distinct department_code, period_label, period_start, period_end from judged
),

final as (
    select p.department_code, d.department_name, p.period_label, p.period_start, p.period_end,
           case when q.kpi_count is null then 'not reported'
                when q.on_target_count = q.kpi_count then 'on target' else 'off target' end as quality_status,
           coalesce(q.on_target_count, 0) as quality_on_target_count,
           coalesce(q.kpi_count, 0)       as quality_kpi_count,
           kq.kpi_name                    as quality_worst_kpi,
           q.worst_value                  as quality_worst_value,
           q.worst_target                 as quality_worst_target,
           case when c.kpi_count is null then 'not reported'
                when c.on_target_count = c.kpi_count then 'on target' else 'off target' end as cost_status,
           coalesce(c.on_target_count, 0) as cost_on_target_count,
           coalesce(c.kpi_count, 0)       as cost_kpi_count,
           kc.kpi_name                    as cost_worst_kpi,
           c.worst_value                  as cost_worst_value,
           c.worst_target                 as cost_worst_target,
           case when s.kpi_count is null then 'not reported'
                when s.on_target_count = s.kpi_count then 'on target' else 'off target' end as speed_status,
           coalesce(s.on_target_count, 0) as speed_on_target_count,
           coalesce(s.kpi_count, 0)       as speed_kpi_count,
           ks.kpi_name                    as speed_worst_kpi,
           s.worst_value                  as speed_worst_value,
           s.worst_target                 as speed_worst_target,
           -- the worst KPIs' units (kpis.yml), so the cell reads "35,400 EUR / 8,000 EUR", "3.3% / 2.0%"
           kq.unit                        as quality_worst_unit,
           kc.unit                        as cost_worst_unit,
           ks.unit                        as speed_worst_unit
    from periods as p
    left join by_dimension as q
      on q.department_code = p.department_code and q.period_start = p.period_start and q.triad_dimension = 'quality'
    left join by_dimension as c
      on c.department_code = p.department_code and c.period_start = p.period_start and c.triad_dimension = 'cost'
    left join by_dimension as s
      on s.department_code = p.department_code and s.period_start = p.period_start and s.triad_dimension = 'speed'
    left join dim_department as d on d.department_code = p.department_code
    left join dim_kpi as kq on kq.kpi_id = q.worst_kpi_id
    left join dim_kpi as kc on kc.kpi_id = c.worst_kpi_id
    left join dim_kpi as ks on ks.kpi_id = s.worst_kpi_id
    where p.period_start <= (select as_of_date from run_context)
)

select * from final order by department_code, period_start;

comment on column rpt_triad_scorecard.period_label is 'The period of the common grain: 2025-W31, 2025-07 or FY2025-P07.';
comment on column rpt_triad_scorecard.quality_worst_target is 'The target of the KPI furthest off, for the period: a rate''s or time''s weekly target, an amount''s weekly target times the weeks the period holds.';
