-- int_kpi_observation: the values in force that speak about a catalogue KPI, each tagged with
-- the KPI and its role: 'reported' (a department's own figure, mapped through its local KPI
-- names) or 'numerator' / 'denominator' (a system-of-record measure of the KPI's definition,
-- on rows matching every filter of the KPI). The weekly KPI tables aggregate it; the lineage of
-- findings points back through it to the raw rows.
-- common_period_*: the period of the common grain (dim_calendar, dim_date) the value counts
-- in, found by stg_observation.placement_date: a weekly value, dated by any day of its ISO week,
-- counts in the period of that week's Thursday (as ISO weeks do for years), so it lands in the
-- same week as int_reported_kpi_weekly puts it; a monthly value (dated by any day of its month)
-- and a daily value in the period of their date.
-- Grain: one row per current observation per KPI it counts towards.
create or replace table int_kpi_observation as
with

observations as (
    select * from int_observation_current where is_current
),

reported as (
    select o.*, n.kpi_id, 'reported' as kpi_role
    from observations as o
    join dim_kpi_local_name as n
      on n.department_code = o.department_code and n.local_name = o.metric_name
    where o.source_kind = 'self_reported'
),

-- A KPI's filters as one column per row attribute (each attribute at most once per KPI),
-- so matching is a plain predicate rather than a subquery per row.
kpi_filters as (
    select kpi_id,
           any_value(value) filter (where attribute = 'part_id')    as part_id_filter,
           any_value(value) filter (where attribute = 'part_class') as part_class_filter,
           any_value(value) filter (where attribute = 'lot_id')     as lot_id_filter
    from dim_kpi_filter
    group by kpi_id
),

measured as (
    select o.*,
           k.kpi_id,
           case when o.metric_name = k.numerator_measure then 'numerator' else 'denominator' end as kpi_role
    from dim_kpi as k
    left join kpi_filters as f using (kpi_id)
    join observations as o
      on o.source_id = k.measured_source_id
     and o.metric_name in (k.numerator_measure, k.denominator_measure)
    where o.source_kind = 'system_of_record'
      and (f.part_id_filter is null or o.part_id = f.part_id_filter)
      and (f.part_class_filter is null or o.part_class = f.part_class_filter)
      and (f.lot_id_filter is null or o.lot_id = f.lot_id_filter)
),

unioned as (
    select * from reported
    union all by name
    select * from measured
),

final as (
    select u.*,
           d.common_period_start,
           d.common_period_end,
           d.common_period_label
    from unioned as u
    left join dim_date as d
      on d.calendar_date = u.placement_date
)

select * from final
