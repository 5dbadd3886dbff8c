-- rpt_finding_change: what changed in the findings from the previous reporting period to this
-- one, for each period kind (rpt_report_period). A subject is what rpt_top_gap gathers into one
-- gap: findings of one type about one policy, KPI or subject in one department. It is in a
-- period when one of its findings describes a day of that period (the period the finding is
-- about, not the run that found it). change: new (only this period), resolved (only the
-- previous one), worsened / improved (both, the largest gap grew / shrank), unchanged.
-- A breach inside an approved deviation is a concession, not a finding that changed: it is left
-- out, as from the summary's counts.
-- Grain: one row per period kind, finding type, department and subject found in either period.
create or replace table rpt_finding_change as
with

periods as (
    select * from rpt_report_period
),

findings as (
    select finding_type, department_code, department_name, kpi_name, severity_weight, gap, period_start,
           coalesce(period_end, period_start) as period_end, subject
    from rpt_finding
    where status <> 'resolved' and not is_covered_by_deviation and period_start is not null
),

in_period as (
    select p.period_kind,
           f.finding_type, f.department_code, f.subject,
           any_value(f.department_name)                                            as department_name,
           any_value(f.kpi_name)                                                   as kpi_name,
           max(f.severity_weight)                                                  as severity_weight,
           count(*) filter (where f.period_start <= p.period_end and f.period_end >= p.period_start)
                                                                                   as finding_count,
           max(abs(f.gap)) filter (where f.period_start <= p.period_end and f.period_end >= p.period_start)
                                                                                   as largest_gap,
           count(*) filter (where f.period_start <= p.previous_end and f.period_end >= p.previous_start)
                                                                                   as previous_finding_count,
           max(abs(f.gap)) filter (where f.period_start <= p.previous_end and f.period_end >= p.previous_start)
                                                                                   as previous_largest_gap
    from periods as p
    join findings as f
      on f.period_start <= p.period_end and f.period_end >= p.previous_start
    group by p.period_kind, f.finding_type, f.department_code, f.subject
),

final as (
    select *,
           case when previous_finding_count = 0 then 'new'
                when finding_count = 0 then 'resolved'
                when largest_gap > previous_largest_gap + 0.05 then 'worsened'
                when largest_gap < previous_largest_gap - 0.05 then 'improved'
                else 'unchanged' end as change
    from in_period
    where finding_count > 0 or previous_finding_count > 0
)

select * from final
order by period_kind, case change when 'new' then 1 when 'worsened' then 2 when 'resolved' then 3
                                  when 'improved' then 4 else 5 end,
         severity_weight desc, department_code, finding_type, subject
