-- mart_triad_scorecard: per department and week, quality, cost and speed side by side, each
-- against its targets: how many of the department's KPIs in that dimension have a value that
-- week, how many meet their target, and the one furthest off (its value and target). A KPI
-- counts as its system of record measures it where one does, else as the department reports
-- it (int_kpi_series_weekly). A dimension without any KPI value that week is 'not reported'.
-- Grain: one row per department and ISO week with at least one KPI value.
create or replace table mart_triad_scorecard as
with

valued as (
    select s.department_code, s.iso_week, s.week_start, s.kpi_id, s.value, s.origin,
           k.triad_dimension, k.target, k.direction,
           case when k.direction = 'higher_is_better' then s.value >= k.target else s.value <= k.target end as is_on_target,
           -- how far off target, as a share of the target, so KPIs of different units compare
           case when k.direction = 'higher_is_better' then k.target - s.value else s.value - k.target end
               / nullif(abs(k.target), 0) as relative_shortfall
    from int_kpi_series_weekly as s
    join dim_kpi as k using (kpi_id)
    where s.value is not null
),

by_dimension as (
    select department_code, iso_week, week_start, triad_dimension,
           count(*)                                     as kpi_count,
           count(*) filter (where is_on_target)         as on_target_count,
           arg_max(kpi_id, relative_shortfall)          as worst_kpi_id,
           arg_max(value, relative_shortfall)           as worst_value,
           arg_max(target, relative_shortfall)          as worst_target
    from valued
    group by all
),

weeks as (
    select distinct department_code, iso_week, week_start from valued
),

final as (
    select w.department_code,
           w.iso_week,
           w.week_start,
           coalesce(q.kpi_count, 0)       as quality_kpi_count,
           coalesce(q.on_target_count, 0) as quality_on_target_count,
           case when q.kpi_count is null then 'not reported'
                when q.on_target_count = q.kpi_count then 'on target' else 'off target' end as quality_status,
           q.worst_kpi_id                 as quality_worst_kpi_id,
           q.worst_value                  as quality_worst_value,
           q.worst_target                 as quality_worst_target,
           coalesce(c.kpi_count, 0)       as cost_kpi_count,
           coalesce(c.on_target_count, 0) as cost_on_target_count,
           case when c.kpi_count is null then 'not reported'
                when c.on_target_count = c.kpi_count then 'on target' else 'off target' end as cost_status,
           c.worst_kpi_id                 as cost_worst_kpi_id,
           c.worst_value                  as cost_worst_value,
           c.worst_target                 as cost_worst_target,
           coalesce(s.kpi_count, 0)       as speed_kpi_count,
           coalesce(s.on_target_count, 0) as speed_on_target_count,
           case when s.kpi_count is null then 'not reported'
                when s.on_target_count = s.kpi_count then 'on target' else 'off target' end as speed_status,
           s.worst_kpi_id                 as speed_worst_kpi_id,
           s.worst_value                  as speed_worst_value,
           s.worst_target                 as speed_worst_target
    from weeks as w
    left join by_dimension as q on q.department_code = w.department_code and q.week_start = w.week_start
                               and q.triad_dimension = 'quality'
    left join by_dimension as c on c.department_code = w.department_code and c.week_start = w.week_start
                               and c.triad_dimension = 'cost'
    left join by_dimension as s on s.department_code = w.department_code and s.week_start = w.week_start
                               and s.triad_dimension = 'speed'
)

select * from final
