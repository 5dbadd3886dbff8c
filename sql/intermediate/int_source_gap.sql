-- int_source_gap: the days a system of record's exports have not yet spoken for, so that a week or
-- period holding one is not measured from part of its days (int_measured_kpi_weekly,
-- int_measured_kpi_period). A monthly export ends on the month's last day, often mid-week: the
-- week it ends in holds a few days' rows until the next month's export comes, and read as the
-- week's figure it is a collapse in output, a breach judged on 200 parts, or a department's full
-- week called over-reported. Which days are not spoken for:
-- * every day after the as-of date, the last day a run as of it reads deliveries for: the period
--   still running then is not over;
-- * under a submission calendar (submissions.yml), each period of it not delivered by the as-of
--   date, and of a period delivered part-way (an export made mid-period) the days after the
--   delivery covers (int_submission_delivery.covered_through). Before a calendar's first period
--   or after its end nothing tells, and only the first rule applies.
-- reason says which: 'not_yet_over', 'not_delivered' or 'delivered_in_part'.
-- Grain: one row per system-of-record source and span of days not spoken for.
create or replace table int_source_gap as
with

systems as (
    select source_id from dim_source where kind = 'system_of_record'
),

not_yet_over as (
    select s.source_id, c.as_of_date + 1 as gap_from, date '9999-12-31' as gap_through, 'not_yet_over' as reason
    from systems as s
    cross join run_context as c
),

calendar_gaps as (
    select d.source_id,
           case when d.covered_through is null then d.period_start else d.covered_through + 1 end as gap_from,
           d.period_end as gap_through,
           case when d.covered_through is null then 'not_delivered' else 'delivered_in_part' end as reason
    from int_submission_delivery as d
    where d.source_id in (select source_id from systems)
      and (d.covered_through is null or d.covered_through < d.period_end)
),

final as (
    select * from not_yet_over
    union all
    select * from calendar_gaps
)

select * from final order by source_id, gap_from;

-- Whether a source's exports have spoken for every day from first_day to last_day: no gap above
-- overlaps them. The one test int_measured_kpi_weekly and int_measured_kpi_period make a week's
-- or a period's completeness by. No table of its own: a macro of the rebuild's session.
create or replace temp macro plumbline_spoken_for(source, first_day, last_day) as
    not exists (select 1 from int_source_gap as g
                where g.source_id = source and g.gap_from <= last_day and g.gap_through >= first_day);
