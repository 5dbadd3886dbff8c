-- mart_initiative_impact: each quality initiative's targeted KPIs before and after its start,
-- and the cost of poor quality it saved or did not. "After" is every week from the start week
-- to the latest week with data; "before" is as many weeks just before the start, so both
-- sides cover the same length of time. A change is an improvement when it moves the KPI in
-- its better direction. The cost of poor quality is the plant's total per week
-- (mart_cost_of_poor_quality, all departments and categories); saved = (mean before - mean
-- after) x weeks after.
-- Reads the strategy dimensions (dim_initiative, dim_initiative_kpi).
-- Grain: one row per initiative, targeted KPI and department with data on both sides.
create or replace table mart_initiative_impact as
with

initiatives as (
    select i.*, date_trunc('week', i.start_date)::date as start_week_start, k.kpi_id
    from dim_initiative as i
    join dim_initiative_kpi as k using (initiative_id)
),

after_span as (
    select i.initiative_id, i.kpi_id, s.department_code,
           count(*) filter (where s.week_start >= i.start_week_start) as weeks_after
    from initiatives as i
    join int_kpi_series_weekly as s on s.kpi_id = i.kpi_id and s.value is not null
    group by all
),

sides as (
    select i.initiative_id, i.kpi_id, s.department_code, i.start_week_start, a.weeks_after,
           case when s.week_start >= i.start_week_start then 'after' else 'before' end as side,
           s.value
    from initiatives as i
    join after_span as a using (initiative_id, kpi_id)
    join int_kpi_series_weekly as s
      on s.kpi_id = i.kpi_id and s.department_code = a.department_code and s.value is not null
     and s.week_start >= i.start_week_start - (7 * a.weeks_after)::integer
    where a.weeks_after > 0
),

kpi_change as (
    select initiative_id, kpi_id, department_code,
           any_value(start_week_start)                    as start_week_start,
           any_value(weeks_after)                         as weeks_after,
           count(*) filter (where side = 'before')        as weeks_before,
           plumbline_avg(case when side = 'before' then value end) as mean_before,
           plumbline_avg(case when side = 'after' then value end)  as mean_after
    from sides
    group by all
),

weekly_copq as (
    select week_start, plumbline_sum(cost_amount) as cost_amount
    from mart_cost_of_poor_quality
    group by week_start
),

copq_change as (
    select c.initiative_id, c.kpi_id, c.department_code,
           plumbline_avg(case when w.week_start < c.start_week_start then w.cost_amount end)  as copq_weekly_before,
           plumbline_avg(case when w.week_start >= c.start_week_start then w.cost_amount end) as copq_weekly_after
    from kpi_change as c
    join weekly_copq as w on w.week_start >= c.start_week_start - (7 * c.weeks_after)::integer
    group by all
),

final as (
    select i.initiative_id,
           i.initiative_name,
           i.kind,
           i.start_date,
           i.owner_role,
           c.kpi_id,
           c.department_code,
           c.weeks_before,
           c.weeks_after,
           c.mean_before,
           c.mean_after,
           c.mean_after - c.mean_before                               as change,
           case when c.mean_after = c.mean_before then 'unchanged'
                when (c.mean_after > c.mean_before) = (k.direction = 'higher_is_better') then 'improved'
                else 'worsened' end                                   as verdict,
           q.copq_weekly_before,
           q.copq_weekly_after,
           (q.copq_weekly_before - q.copq_weekly_after) * c.weeks_after as copq_saved
    from kpi_change as c
    join (select distinct initiative_id, initiative_name, kind, start_date, owner_role from initiatives) as i
      using (initiative_id)
    join dim_kpi as k using (kpi_id)
    left join copq_change as q using (initiative_id, kpi_id, department_code)
    where c.weeks_before > 0
)

select * from final
