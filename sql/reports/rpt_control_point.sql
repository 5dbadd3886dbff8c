-- rpt_control_point: every point of every control chart with its centre line and limits and
-- the run rules that fire at it (comma-separated rule ids, null where none does). A chart whose
-- baseline never varied is here too, with its level as the centre line, no limits, and its
-- weeks off that level marked (signal_value) though no rule fires at them; series without a
-- chart are not (rpt_control_chart_note says why). A baseline week left out of the limits as out
-- of control is marked too, whichever rules the chart applies.
-- Grain: one row per charted KPI, department and ISO week.
create or replace table rpt_control_point as
with

points as (
    select * from int_spc_point where chart_status in ('drawn', 'steady_baseline')
),

signals as (
    select kpi_id, department_code, week_start, string_agg(rule_id, ', ' order by rule_id) as rule_ids
    from fct_spc_signal
    group by all
),

final as (
    select p.kpi_id, k.kpi_name, p.department_code, d.department_name, p.chart_type, p.chart_status, p.iso_week,
           p.week_start, p.point_number, p.phase, p.plotted_value, p.centre_line,
           p.upper_control_limit, p.lower_control_limit, s.rule_ids,
           case when s.rule_ids is not null or p.departs_from_steady_baseline or p.excluded_from_baseline
                then p.plotted_value end
               as signal_value
    from points as p
    join dim_kpi as k using (kpi_id)
    left join dim_department as d using (department_code)
    left join signals as s using (kpi_id, department_code, week_start)
    where p.week_start <= (select as_of_date from run_context)
)

select * from final order by department_code, kpi_id, week_start
