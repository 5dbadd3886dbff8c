-- int_measured_kpi_weekly: each KPI as its system of record measures it, per ISO week:
-- sum(numerator) / sum(denominator) * scale over the source rows that match every filter of
-- the KPI (kpis.yml: measured_by), taking only the delivery in force for each period.
-- A week holding money that could not be converted (no exchange rate) has no measured value.
-- A count without a denominator (complaints) is 0 in a week its source's exports cover without a
-- row for it (int_source_week), for each department the KPI has ever been measured in.
-- A week holding a day its source's exports have not yet spoken for (int_source_gap: a monthly
-- export ending mid-week, a week still running) is not complete: its totals so far are kept, but
-- it has no measured value, so it is neither judged, charted nor compared until it is.
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

measured as (
    select kpi_id,
           department_code,
           iso_week,
           week_start,
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
    group by kpi_id, department_code, iso_week, week_start
),

nothing_counted as (
    select k.kpi_id, d.department_code, strftime(w.week_start, '%G-W%V') as iso_week, w.week_start,
           0::double as numerator_total, null::double as denominator_total, 0::double as measured_value,
           []::bigint[] as load_ids
    from dim_kpi as k
    join int_source_week as w on w.source_id = k.measured_source_id
    join (select distinct kpi_id, department_code from measured) as d using (kpi_id)
    where k.denominator_measure is null
      and not exists (select 1 from measured as m
                      where m.kpi_id = k.kpi_id and m.department_code = d.department_code
                        and m.week_start = w.week_start)
),

weeks as (
    select * from measured
    union all
    select * from nothing_counted
),

completeness as (
    select w.*,
           plumbline_spoken_for(k.measured_source_id, w.week_start, w.week_start + 6) as is_complete
    from weeks as w
    join dim_kpi as k using (kpi_id)
),

final as (
    select kpi_id, department_code, iso_week, week_start, numerator_total, denominator_total,
           case when is_complete then measured_value end as measured_value,
           load_ids, is_complete
    from completeness
    -- a zero of a week not yet whole would be no figure at all
    where is_complete or load_ids <> []
)

select * from final
