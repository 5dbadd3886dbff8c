-- int_reported_kpi_weekly: what each department said about a catalogue KPI, per ISO week,
-- taking only the delivery in force for each period. Grain: one row per department, KPI and
-- week. A metric name is mapped through the department's local KPI names (names not in the
-- catalogue are the rogue-metric finding). A percentage reported daily is averaged over the
-- week; an amount is summed. A week holding money that could not be converted (no exchange
-- rate) has no reported value (plumbline_reported_figure, reported_figure.sql).
create or replace table int_reported_kpi_weekly as
with

mapped as (
    select * from int_kpi_observation where kpi_role = 'reported'
),

final as (
    select m.department_code,
           m.kpi_id,
           m.iso_week,
           m.week_start,
           plumbline_reported_figure(k.aggregation, m.metric_value, m.is_missing_exchange_rate) as reported_value,
           count(*)         as value_count,
           list(distinct m.load_id order by m.load_id) as load_ids
    from mapped as m
    join dim_kpi as k using (kpi_id)
    group by all
)

select * from final
