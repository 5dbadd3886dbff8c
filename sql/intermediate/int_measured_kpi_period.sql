-- int_measured_kpi_period: each KPI as its system of record measures it, per period of the
-- common grain (dim_calendar: ISO week, month or fiscal period), the grain policies are judged at:
-- sum(numerator) / sum(denominator) * scale over the source rows that match every filter of
-- the KPI (kpis.yml: measured_by), taking only the delivery in force for each period.
-- A period holding money that could not be converted (no exchange rate) has no measured value.
-- A count without a denominator (complaints) is 0 in a period holding a week its source's exports
-- cover without a row for it (int_source_week), as int_measured_kpi_weekly has it for the week.
-- A period holding a day its source's exports have not yet spoken for (int_source_gap) is not
-- complete: its totals so far are kept, but it has no measured value until it is, as for a week.
-- Grain: one row per KPI, department and period of the common grain.
create or replace table int_measured_kpi_period as
with

matching as (
    select o.kpi_id,
           k.measured_scale,
           o.department_code,
           o.common_period_label as period_label,
           o.common_period_start as period_start,
           o.common_period_end   as period_end,
           o.load_id,
           case when o.kpi_role = 'numerator' then o.metric_value end   as numerator_value,
           case when o.kpi_role = 'denominator' then o.metric_value end as denominator_value,
           k.denominator_measure is not null                           as has_denominator,
           o.is_missing_exchange_rate
    from int_kpi_observation as o
    join dim_kpi as k using (kpi_id)
    where o.kpi_role in ('numerator', 'denominator')
),

measured as (
    select kpi_id,
           department_code,
           period_label,
           period_start,
           period_end,
           plumbline_sum(numerator_value)   as numerator_total,
           plumbline_sum(denominator_value) as denominator_total,
           case
               when bool_or(is_missing_exchange_rate) then null
               when not any_value(has_denominator) then plumbline_sum(numerator_value) * any_value(measured_scale)
               when plumbline_sum(denominator_value) > 0
                   then plumbline_sum(numerator_value) / plumbline_sum(denominator_value) * any_value(measured_scale)
           end as measured_value,
           list(distinct load_id order by load_id) as load_ids
    from matching
    group by kpi_id, department_code, period_label, period_start, period_end
),

nothing_counted as (
    select distinct k.kpi_id, d.department_code, w.common_period_label as period_label,
           w.common_period_start as period_start, w.common_period_end as period_end,
           0::double as numerator_total, null::double as denominator_total, 0::double as measured_value,
           []::bigint[] as load_ids
    from dim_kpi as k
    join int_source_week as w on w.source_id = k.measured_source_id
    join (select distinct kpi_id, department_code from measured) as d using (kpi_id)
    where k.denominator_measure is null
      and not exists (select 1 from measured as m
                      where m.kpi_id = k.kpi_id and m.department_code = d.department_code
                        and m.period_start = w.common_period_start)
),

periods as (
    select * from measured
    union all
    select * from nothing_counted
),

completeness as (
    select p.*,
           plumbline_spoken_for(k.measured_source_id, p.period_start, p.period_end) as is_complete
    from periods as p
    join dim_kpi as k using (kpi_id)
),

final as (
    select kpi_id, department_code, period_label, period_start, period_end, numerator_total, denominator_total,
           case when is_complete then measured_value end as measured_value,
           load_ids, is_complete
    from completeness
    where is_complete or load_ids <> []
)

select * from final
