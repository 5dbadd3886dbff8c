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

placed as (
    select u.*,
           d.common_period_start,
           d.common_period_end,
           d.common_period_label
    from unioned as u
    left join dim_date as d
      on d.calendar_date = u.placement_date
),

-- A department's figure for a KPI and period is one statement. int_observation_current keeps one
-- value per period at the source's grain; where the department's sources state the KPI at
-- different grains for one period of the common grain (a weekly sheet and a monthly overview at
-- the month grain), the grain delivered latest for that period speaks for it, never the sum of both.
reported_grains as (
    select department_code, kpi_id, common_period_start, period_grain,
           row_number() over (partition by department_code, kpi_id, common_period_start
                              order by max(received_at) desc, max(load_id) desc) = 1 as speaks
    from placed
    where kpi_role = 'reported'
    group by department_code, kpi_id, common_period_start, period_grain
),

final as (
    select p.*
    from placed as p
    left join reported_grains as g
      on p.kpi_role = 'reported'
     and g.department_code = p.department_code and g.kpi_id = p.kpi_id
     and g.common_period_start is not distinct from p.common_period_start
     and g.period_grain is not distinct from p.period_grain
    where p.kpi_role <> 'reported' or g.speaks
)

select * from final
