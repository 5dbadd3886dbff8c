-- int_measured_kpi_weekly: each KPI as its system of record measures it, per ISO week:
-- sum(numerator) / sum(denominator) * scale over the source rows that match every filter of
-- the KPI (kpis.yml: measured_by), taking only the delivery in force for each period.
-- A week holding money that could not be converted (no exchange rate) has no measured value.
-- Grain: one row per KPI, department and week.
create or replace table int_measured_kpi_weekly as
with

matching as (
    select o.kpi_id,
           k.measured_scale,
           o.department_code,
           o.iso_week,
           o.week_start,
           o.load_id,
           case when o.kpi_role = 'numerator' then o.metric_value end   as numerator_value,
           case when o.kpi_role = 'denominator' then o.metric_value end as denominator_value,
           k.denominator_measure is not null                           as has_denominator,
           o.is_missing_exchange_rate
    from int_kpi_observation as o
    join dim_kpi as k using (kpi_id)
    where o.kpi_role in ('numerator', 'denominator')
),

final as (
    select kpi_id,
           department_code,
           iso_week,
           week_start,
           sum(numerator_value)   as numerator_total,
           sum(denominator_value) as denominator_total,
           case
               when bool_or(is_missing_exchange_rate) then null
               when not any_value(has_denominator) then sum(numerator_value) * any_value(measured_scale)
               when sum(denominator_value) > 0
                   then sum(numerator_value) / sum(denominator_value) * any_value(measured_scale)
           end as measured_value,
           list(distinct load_id order by load_id) as load_ids
    from matching
    group by kpi_id, department_code, iso_week, week_start
)

select * from final
