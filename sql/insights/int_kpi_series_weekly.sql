-- int_kpi_series_weekly: each catalogue KPI as one weekly series per department, the input of
-- the control charts, trend tests and the weekly triad scorecard (int_triad_scorecard, which also
-- takes from it which weeks a count's exports covered). A KPI its system of record measures
-- is taken from int_measured_kpi_weekly; any other KPI from what the department reports.
-- A measured count without a denominator (complaints) is 0 in a week its source covers but
-- has no row for: no complaint that week is a value, not a gap. Which weeks a source covers:
-- * with a submission calendar (submissions.yml), the weeks of each period it delivered, up to
--   the day the delivery covers (int_submission_delivery; a week counts for the period of its
--   Thursday). A week before the first complaint is a zero when its period was delivered, even
--   by an empty export; a period whose export is missing stays without a value (and
--   fct_submission_gap says it is missing), never a run of invented zeros;
-- * without one, the weeks from its first to its last delivered value: nothing tells which
--   weeks before the first event or between two files the exports were meant to cover.
-- subgroup_* describe the individual self-reported values in force in a week (x-bar/R charts).
-- Grain: one row per KPI, department and ISO week.
create or replace table int_kpi_series_weekly as
with

kpis as (
    select * from dim_kpi
),

measured as (
    select * from int_measured_kpi_weekly
),

calendar_weeks as (
    select d.source_id, w.week_start
    from int_submission_delivery as d,
         lateral (select unnest(range(date_trunc('week', d.period_start)::date, d.period_end + 1,
                                      interval 7 day))::date as week_start) as w
    where d.covered_through is not null
      and w.week_start + 3 between d.period_start and d.period_end   -- the week's Thursday
      -- a period delivered only part-way (an export made mid-period): the weeks it has seen whole
      and w.week_start + case when d.covered_through >= d.period_end then 0 else 6 end <= d.covered_through
),

source_weeks as (
    select distinct source_id, week_start from calendar_weeks
    union all
    select source_id,
           unnest(range(min(week_start), max(week_start) + interval 1 day, interval 7 day))::date as week_start
    from stg_observation
    where source_kind = 'system_of_record'
      and source_id not in (select source_id from dim_submission)
    group by source_id
),

count_weeks as (
    select k.kpi_id, d.department_code, w.week_start
    from kpis as k
    join source_weeks as w on w.source_id = k.measured_source_id
    join (select distinct kpi_id, department_code from measured) as d using (kpi_id)
    where k.denominator_measure is null
),

measured_series as (
    select coalesce(m.kpi_id, c.kpi_id)                                   as kpi_id,
           coalesce(m.department_code, c.department_code)                 as department_code,
           coalesce(m.week_start, c.week_start)                           as week_start,
           coalesce(m.measured_value, case when c.kpi_id is not null then 0 end) as value,
           coalesce(m.numerator_total, case when c.kpi_id is not null then 0 end) as numerator_total,
           m.denominator_total,
           coalesce(m.load_ids, [])                                       as load_ids
    from measured as m
    full join count_weeks as c
      on c.kpi_id = m.kpi_id and c.department_code = m.department_code and c.week_start = m.week_start
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
           avg(metric_value)                     as subgroup_mean,
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
