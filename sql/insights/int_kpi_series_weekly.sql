-- int_kpi_series_weekly: each catalogue KPI as one weekly series per department, the input of
-- the control charts, trend tests and the weekly triad scorecard (int_triad_scorecard). A KPI its
-- system of record measures is taken from int_measured_kpi_weekly (a count is 0 in a week its
-- exports covered without a row: int_source_week); any other KPI from what the department reports.
-- subgroup_* describe the individual self-reported values in force in a week (x-bar/R charts).
-- Grain: one row per KPI, department and ISO week.
create or replace table int_kpi_series_weekly as
with

kpis as (
    select * from dim_kpi
),

measured_series as (
    select kpi_id, department_code, week_start, measured_value as value, numerator_total, denominator_total,
           load_ids
    from int_measured_kpi_weekly
),

-- Only the values in force (int_kpi_observation), as int_reported_kpi_weekly takes them: a
-- corrected or withdrawn figure is not a member of its week's subgroup; money is converted.
reported_values as (
    select department_code, kpi_id, week_start, metric_value
    from int_kpi_observation
    where kpi_role = 'reported'
),

subgroups as (
    select department_code, kpi_id, week_start,
           count(*)                              as subgroup_size,
           plumbline_avg(metric_value)           as subgroup_mean,
           max(metric_value) - min(metric_value) as subgroup_range
    from reported_values
    group by all
),

reported_series as (
    select r.kpi_id, r.department_code, r.week_start, r.reported_value as value,
           null::double as numerator_total, null::double as denominator_total, r.load_ids,
           s.subgroup_size, s.subgroup_mean, s.subgroup_range
    from int_reported_kpi_weekly as r
    join kpis as k using (kpi_id)
    left join subgroups as s using (department_code, kpi_id, week_start)
    where k.measured_source_id is null
),

unioned as (
    select kpi_id, department_code, week_start, value, numerator_total, denominator_total,
           null::bigint as subgroup_size, null::double as subgroup_mean, null::double as subgroup_range,
           'measured' as origin, load_ids
    from measured_series
    union all
    select kpi_id, department_code, week_start, value, numerator_total, denominator_total,
           subgroup_size, subgroup_mean, subgroup_range, 'reported', load_ids
    from reported_series
),

final as (
    select kpi_id,
           department_code,
           strftime(week_start, '%G-W%V') as iso_week,
           week_start,
           value,
           numerator_total,
           denominator_total,
           subgroup_size,
           subgroup_mean,
           subgroup_range,
           origin,
           load_ids
    from unioned
)

select * from final
