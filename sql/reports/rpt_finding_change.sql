-- rpt_finding_change: what changed in the findings from the previous reporting period to this
-- one, for each period kind (rpt_report_period). A subject is what rpt_top_gap gathers into one
-- gap: findings of one type about one policy, KPI or subject in one department. It is in a
-- period when one of its findings is placed in that period (the period the finding is about,
-- not the run that found it), by the rule every model places a week with
-- (stg_observation.placement_date, dim_date, rpt_kpi_movement): an ISO week counts in the
-- period its Thursday is in, so 2020-W53 (28 Dec-3 Jan) is December's and a week across a
-- month end is in one month, not both. A finding about whole ISO weeks (Monday to Sunday: a
-- week, a run of weeks, a fiscal period) covers its weeks' Thursdays, from the first week's to
-- the last week's; any other finding (a month, a day, a quarter) covers its own days.
-- change: new (only this period), resolved (only the previous one), worsened / improved (both,
-- the largest gap grew / shrank), unchanged. unit: the subject's KPI's, in which its gaps are (a late
-- submission's are days). still_missing: a missing submission of the
-- previous period whose finding is still open (its report has not arrived: a delivered report
-- resolves the finding, and resolved findings are not counted here). The period moving on
-- delivers nothing, so it is not "resolved".
-- A breach inside an approved deviation is a concession, not a finding that changed: it is left
-- out, as from the summary's counts.
-- Grain: one row per period kind, finding type, department and subject found in either period.
create or replace table rpt_finding_change as
with

periods as (
    select * from rpt_report_period
),

findings as (
    select finding_type, department_code, department_name, kpi_name, subject_name, unit, severity_weight, gap, subject,
           period_start, coalesce(period_end, period_start) as period_end,
           isodow(period_start) = 1 and isodow(coalesce(period_end, period_start)) = 7 as is_whole_weeks
    from rpt_finding
    where status <> 'resolved' and not is_covered_by_deviation and period_start is not null
),

-- The days that place the finding: its weeks' Thursdays (week_start + 3, as
-- stg_observation.placement_date), else its own days.
placed as (
    select * exclude (period_start, period_end, is_whole_weeks),
           case when is_whole_weeks then period_start + 3 else period_start end as placed_from,
           case when is_whole_weeks then period_end - 3 else period_end end     as placed_to
    from findings
),

in_period as (
    select p.period_kind,
           f.finding_type, f.department_code, f.subject,
           any_value(f.department_name)                                            as department_name,
           any_value(f.kpi_name)                                                   as kpi_name,
           any_value(f.subject_name)                                               as subject_name,
           any_value(f.unit)                                                       as unit,
           max(f.severity_weight)                                                  as severity_weight,
           count(*) filter (where f.placed_from <= p.period_end and f.placed_to >= p.period_start)
                                                                                   as finding_count,
           max(abs(f.gap)) filter (where f.placed_from <= p.period_end and f.placed_to >= p.period_start)
                                                                                   as largest_gap,
           count(*) filter (where f.placed_from <= p.previous_end and f.placed_to >= p.previous_start)
                                                                                   as previous_finding_count,
           max(abs(f.gap)) filter (where f.placed_from <= p.previous_end and f.placed_to >= p.previous_start)
                                                                                   as previous_largest_gap
    from periods as p
    join placed as f
      on f.placed_from <= p.period_end and f.placed_to >= p.previous_start
    group by p.period_kind, f.finding_type, f.department_code, f.subject
),

final as (
    select *,
           case when previous_finding_count = 0 then 'new'
                when finding_count = 0 and finding_type = 'missing_submission' then 'still_missing'
                when finding_count = 0 then 'resolved'
                when largest_gap > previous_largest_gap + 0.05 then 'worsened'
                when largest_gap < previous_largest_gap - 0.05 then 'improved'
                else 'unchanged' end as change
    from in_period
    where finding_count > 0 or previous_finding_count > 0
)

select * from final
order by period_kind, case change when 'new' then 1 when 'still_missing' then 2 when 'worsened' then 3
                                  when 'resolved' then 4 when 'improved' then 5 else 6 end,
         severity_weight desc, department_code, finding_type, subject
