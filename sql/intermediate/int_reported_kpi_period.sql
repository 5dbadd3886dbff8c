-- int_reported_kpi_period: what each department said about a catalogue KPI, per period of the
-- common grain (dim_calendar: ISO week, month or fiscal period), the grain it is compared with
-- the system of record at, taking only the delivery in force for each period. Grain: one row
-- per department, KPI and period. A metric name is mapped through the department's local KPI names (names not in the
-- catalogue are the rogue-metric finding). A percentage reported daily is averaged over the
-- period; an amount is summed. A period holding money that could not be converted (no exchange
-- rate) has no reported value (plumbline_reported_figure, reported_figure.sql).
create or replace table int_reported_kpi_period as
with

mapped as (
    select * from int_kpi_observation where kpi_role = 'reported'
),

final as (
    select m.department_code,
           m.kpi_id,
           m.common_period_label as period_label,
           m.common_period_start as period_start,
           m.common_period_end   as period_end,
           plumbline_reported_figure(k.aggregation, m.metric_value, m.is_missing_exchange_rate) as reported_value,
           count(*)         as value_count,
           list(distinct m.load_id order by m.load_id) as load_ids
    from mapped as m
    join dim_kpi as k using (kpi_id)
    group by all
)

select * from final
