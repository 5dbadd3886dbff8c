-- int_measured_kpi_weekly: each KPI as its system of record measures it, per ISO week:
-- sum(numerator) / sum(denominator) * scale over the source rows that match every filter of
-- the KPI (kpis.yml: measured_by). Grain: one row per KPI and week.
create or replace table int_measured_kpi_weekly as
with

observations as (
    select * from stg_observation
    where source_kind = 'system_of_record' and problem is null and is_current_version
),

measured_kpis as (
    select * from dim_kpi where measured_source_id is not null
),

matching as (
    select k.kpi_id,
           k.measured_scale,
           o.department_code,
           o.iso_week,
           o.week_start,
           o.load_id,
           case when o.metric_name = k.numerator_measure then o.metric_value end   as numerator_value,
           case when o.metric_name = k.denominator_measure then o.metric_value end as denominator_value,
           k.denominator_measure is not null                                       as has_denominator
    from measured_kpis as k
    join observations as o
      on o.source_id = k.measured_source_id
     and o.metric_name in (k.numerator_measure, k.denominator_measure)
    where not exists (
        select 1
        from dim_kpi_filter as f
        where f.kpi_id = k.kpi_id
          and f.value is distinct from case f.attribute
                                           when 'part_id'    then o.part_id
                                           when 'part_class' then o.part_class
                                           when 'lot_id'     then o.lot_id
                                       end
    )
),

final as (
    select kpi_id,
           department_code,
           iso_week,
           week_start,
           sum(numerator_value)   as numerator_total,
           sum(denominator_value) as denominator_total,
           case
               when not any_value(has_denominator) then sum(numerator_value) * any_value(measured_scale)
               when sum(denominator_value) > 0
                   then sum(numerator_value) / sum(denominator_value) * any_value(measured_scale)
           end as measured_value,
           list(distinct load_id order by load_id) as load_ids
    from matching
    group by kpi_id, department_code, iso_week, week_start
)

select * from final
