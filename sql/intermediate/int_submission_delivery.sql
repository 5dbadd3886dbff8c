-- int_submission_delivery: every period of each submission calendar (submissions.yml) from the
-- calendar's start to the run's as-of date, whether and when the source delivered it, and up to
-- which day the delivery covers it. fct_submission_gap judges the deliveries; the weekly series
-- of a count KPI (int_kpi_series_weekly) counts a covered week without a row as zero.
-- A period is delivered by the first file of the source that
-- * holds a value for a day of the period (a weekly row counts for the period of its Thursday,
--   as ISO weeks do for years), or
-- * is a system's export that arrived after the period ended and before the next one ended,
--   holding no value outside the period: the export of that period, also when it is empty (a
--   month without a complaint is an export of no rows, not a missing export). A department's
--   empty sheet reports nothing, so it delivers nothing.
-- covered_through: the last day the delivery speaks for: the period's end, or for a period
-- still running (a value delivered mid-period) the day its latest delivery arrived.
-- Times are the plant's local time (calendar.yml), as due times are.
-- Grain: one row per submission and period.
create or replace table int_submission_delivery as
with

context as (
    select as_of_date from run_context
),

plant as (
    select timezone from dim_calendar limit 1
),

periods as (
    select s.*,
           p.period_start::date as period_start
    from dim_submission as s,
         lateral (
             select unnest(generate_series(
                 date_trunc(s.frequency, s.effective_from)::timestamp,
                 (select as_of_date from context)::timestamp,
                 case s.frequency when 'week' then interval 7 day
                                  when 'month' then interval 1 month
                                  else interval 3 month end)) as period_start
         ) as p
    where s.effective_to is null or p.period_start::date <= s.effective_to
),

bounded as (
    select *,
           (period_start + case frequency when 'week' then interval 7 day
                                          when 'month' then interval 1 month
                                          else interval 3 month end)::date - 1 as period_end,
           (period_start + case frequency when 'week' then interval 14 day
                                          when 'month' then interval 2 month
                                          else interval 6 month end)::date - 1 as next_period_end
    from periods
),

due as (
    select *,
           (period_end + due_days_after_period) + due_time as due_at,
           case frequency
               when 'week'  then strftime(period_start, '%G-W%V')
               when 'month' then strftime(period_start, '%Y-%m')
               else year(period_start) || '-Q' || quarter(period_start)
           end as period_label
    from bounded
),

-- The days each file of a source with a calendar holds values for: the one pass over the values.
load_days as (
    select distinct o.load_id, o.placement_date
    from stg_observation as o
    where o.period_date is not null
      and o.source_id in (select source_id from dim_submission)
),

-- Each file of a source with a calendar, received by the as-of date, in plant time, with the
-- first and last day its values are placed on (null for a file of no values).
loads as (
    select a.load_id, a.source_id, src.kind = 'system_of_record' as is_export,
           timezone((select timezone from plant), timezone('UTC', a.received_at)) as received_local,
           min(d.placement_date) as first_day,
           max(d.placement_date) as last_day
    from load_audit as a
    join dim_source as src on src.source_id = a.source_id
    left join load_days as d using (load_id)
    where a.received_at < (select as_of_date from context) + interval 1 day
      and a.source_id in (select source_id from dim_submission)
    group by all
),

-- When a source first (and last) delivered a value for each day: one row a day, so that the
-- periods below meet days, not every value.
delivered_days as (
    select l.source_id,
           d.placement_date                       as bucket_date,
           min(l.received_local)                  as received_local,
           arg_min(d.load_id, l.received_local)   as load_id,
           max(l.received_local)                  as last_received_local
    from load_days as d
    join loads as l using (load_id)
    group by all
),

deliveries as (
    -- a value for a day of the period
    select p.submission_id, p.period_start, d.received_local, d.load_id, d.last_received_local
    from due as p
    join delivered_days as d
      on d.source_id = p.source_id
     and d.bucket_date between p.period_start and p.period_end
    union all
    -- the period's export, received after it ended, holding nothing outside it
    select p.submission_id, p.period_start, l.received_local, l.load_id, l.received_local
    from due as p
    join loads as l
      on l.source_id = p.source_id
     and l.received_local::date > p.period_end
     and l.received_local::date <= p.next_period_end
     and l.is_export
     and (l.first_day is null or (l.first_day >= p.period_start and l.last_day <= p.period_end))
),

first_deliveries as (
    select submission_id, period_start,
           min(received_local)                as first_received_at,
           arg_min(load_id, received_local)   as first_load_id,
           max(last_received_local)::date     as last_received_on
    from deliveries
    group by all
),

final as (
    select p.submission_id,
           p.source_id,
           p.department_code,
           p.frequency,
           p.period_label,
           p.period_start,
           p.period_end,
           p.due_at,
           p.due_at < (select as_of_date from context) + interval 1 day as is_due,
           d.first_received_at,
           d.first_load_id,
           case when d.first_received_at is not null
                then least(p.period_end, greatest(d.last_received_on - 1, p.period_start)) end as covered_through
    from due as p
    left join first_deliveries as d using (submission_id, period_start)
)

select * from final
