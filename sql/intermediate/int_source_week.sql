-- int_source_week: the ISO weeks each system of record's exports speak for, rows or no rows. A
-- count a system measures without a denominator (complaints) is 0 in such a week when it has no
-- row: no complaint that week is a value, not a gap (int_measured_kpi_weekly, and per period of
-- the common grain int_measured_kpi_period, add those zeros). Which weeks a source covers:
-- * with a submission calendar (submissions.yml), the weeks of each period it delivered, up to
--   the day the delivery covers (int_submission_delivery; a week counts for the period of its
--   Thursday). A week before the first complaint is covered when its period was delivered, even
--   by an empty export; a period whose export is missing is not (fct_submission_gap says it is
--   missing), so no run of zeros is invented;
-- * without one, the weeks from its first to its last delivered value: nothing tells which
--   weeks before the first event or between two files the exports were meant to cover.
-- Grain: one row per system-of-record source and ISO week.
create or replace table int_source_week as
with

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

value_weeks as (
    select source_id,
           unnest(range(min(week_start), max(week_start) + interval 1 day, interval 7 day))::date as week_start
    from stg_observation
    where source_kind = 'system_of_record'
      and source_id not in (select source_id from dim_submission)
    group by source_id
),

final as (
    select distinct w.source_id, w.week_start, d.common_period_label, d.common_period_start, d.common_period_end
    from (select * from calendar_weeks union all select * from value_weeks) as w
    join dim_source as s using (source_id)
    join dim_date as d on d.calendar_date = w.week_start + 3   -- a week counts in its Thursday's period
    where s.kind = 'system_of_record'
)

select * from final
