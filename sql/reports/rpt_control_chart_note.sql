-- rpt_control_chart_note: every series on a control chart whose limits are not drawn, with the
-- sentence that says why (fct_spc_chart): a baseline too short or without spread (not charted),
-- or one that never varied (charted without limits when a week departed from it); and every
-- drawn chart whose limits leave baseline weeks out as out of control, with the sentence that
-- names them (printed under the chart).
-- Grain: one row per KPI and department with a note.
create or replace table rpt_control_chart_note as
with

charts as (
    select * from fct_spc_chart where note is not null
),

final as (
    select c.kpi_id, k.kpi_name, c.department_code, d.department_name, c.chart_type, c.chart_status,
           c.departure_count, c.note, c.note_key, c.note_args
    from charts as c
    join dim_kpi as k using (kpi_id)
    left join dim_department as d using (department_code)
)

select * from final order by department_code, kpi_id
