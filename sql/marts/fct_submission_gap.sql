-- fct_submission_gap: periods of the submission calendar (submissions.yml) whose delivery was
-- late or is missing as of the run's date. A period's delivery is the first file of the source
-- holding a value for a day of that period (a weekly row counts for the period of its
-- Thursday, as ISO weeks do for years); it is due so many days after the period ends, at a
-- time of day in the plant's time zone (calendars.yml). Periods not yet due are not judged.
-- Grain: one row per submission and period that is late or missing.
create or replace table fct_submission_gap as
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
                                          else interval 3 month end)::date - 1 as period_end
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

judged_periods as (
    select * from due
    where due_at < (select as_of_date from context) + interval 1 day
),

-- When each source first delivered a value for each day, in the plant's local time. A weekly
-- value is placed by its week's Thursday (stg_observation.placement_date), whichever day dates it.
delivered_days as (
    select o.source_id,
           o.placement_date as bucket_date,
           min(timezone((select timezone from plant), timezone('UTC', o.received_at))) as received_local,
           arg_min(o.load_id, o.received_at) as load_id
    from stg_observation as o
    where o.period_date is not null
    group by all
),

deliveries as (
    select p.submission_id,
           p.period_start,
           min(d.received_local)                 as first_received_at,
           arg_min(d.load_id, d.received_local)  as first_load_id
    from judged_periods as p
    join delivered_days as d
      on d.source_id = p.source_id
     and d.bucket_date between p.period_start and p.period_end
    group by all
),

final as (
    select p.submission_id || '/' || p.period_label              as finding_key,
           case when d.first_received_at is null then 'missing_submission'
                else 'late_submission' end                        as finding_type,
           p.submission_id,
           p.source_id,
           p.department_code,
           p.frequency,
           p.period_label,
           p.period_start,
           p.period_end,
           p.due_at,
           d.first_received_at,
           d.first_load_id,
           date_diff('minute', p.due_at, d.first_received_at) / 1440.0 as days_late,
           (select config_version from run_context)             as config_version
    from judged_periods as p
    left join deliveries as d using (submission_id, period_start)
    where d.first_received_at is null or d.first_received_at > p.due_at
)

select * from final;

comment on table fct_submission_gap is 'Late or missing deliveries against the submission calendar; one row per submission and period.';

-- What each column means, for analysts reading the warehouse (DuckDB CLI, DBeaver) and for
-- docs/data-dictionary.md.
comment on column fct_submission_gap.finding_key is 'submission/period label (the type''s own key).';
comment on column fct_submission_gap.finding_type is 'missing_submission or late_submission.';
comment on column fct_submission_gap.submission_id is 'The submission (submissions.yml).';
comment on column fct_submission_gap.source_id is 'The source (sources.yml).';
comment on column fct_submission_gap.department_code is 'The department (departments.yml).';
comment on column fct_submission_gap.frequency is 'week, month or quarter.';
comment on column fct_submission_gap.period_label is 'The submission period: 2025-W31, 2025-07 or 2025-Q3.';
comment on column fct_submission_gap.period_start is 'First day of the period.';
comment on column fct_submission_gap.period_end is 'Last day of the period.';
comment on column fct_submission_gap.due_at is 'When the delivery was due (plant time).';
comment on column fct_submission_gap.first_received_at is 'When the first file with a value for the period arrived (plant time); null when missing.';
comment on column fct_submission_gap.first_load_id is 'The load of that file.';
comment on column fct_submission_gap.days_late is 'Days after the due time it arrived; null when missing.';
comment on column fct_submission_gap.config_version is 'The governance config version (SHA-256 of the files) the run used; its files: v_config_version.';
