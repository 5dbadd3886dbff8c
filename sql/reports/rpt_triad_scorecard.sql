-- rpt_triad_scorecard: quality, cost and speed side by side per department and week, each
-- against target, with the names of the KPIs furthest off. The report shows each department's
-- latest week inside the reporting period. Grain: one row per department and ISO week.
create or replace table rpt_triad_scorecard as
with

scorecard as (
    select * from mart_triad_scorecard
),

final as (
    select s.department_code, d.department_name, s.iso_week, s.week_start,
           s.quality_status, s.quality_on_target_count, s.quality_kpi_count, kq.kpi_name as quality_worst_kpi,
           s.quality_worst_value, s.quality_worst_target,
           s.cost_status, s.cost_on_target_count, s.cost_kpi_count, kc.kpi_name as cost_worst_kpi,
           s.cost_worst_value, s.cost_worst_target,
           s.speed_status, s.speed_on_target_count, s.speed_kpi_count, ks.kpi_name as speed_worst_kpi,
           s.speed_worst_value, s.speed_worst_target
    from scorecard as s
    left join dim_department as d using (department_code)
    left join dim_kpi as kq on kq.kpi_id = s.quality_worst_kpi_id
    left join dim_kpi as kc on kc.kpi_id = s.cost_worst_kpi_id
    left join dim_kpi as ks on ks.kpi_id = s.speed_worst_kpi_id
    where s.week_start <= (select as_of_date from run_context)
)

select * from final order by department_code, week_start
