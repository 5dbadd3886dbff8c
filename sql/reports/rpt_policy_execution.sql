-- rpt_policy_execution: each policy against its execution in the latest period with a figure:
-- owner, target, what the system of record measured, what the department reported, the gap,
-- and since when the policy has been breached without interruption (null when it is met).
-- The periods are those of the common grain (dim_calendar: ISO week by default, month or fiscal
-- period), the grain fct_policy_breach judges policies at, so this table and the breach pages
-- agree on what is breached; the report names them by rpt_context.period_grain.
-- A period inside an approved deviation (fct_policy_breach.is_covered_by_deviation) is a
-- concession, not a breach: breached_since and breached_period_count count uncovered breaches
-- only. A covered period is skipped when the run is traced back: it neither starts the run nor
-- breaks it (only a period that met the policy does), because the concession excused the
-- shortfall, it did not fix it. When the latest period itself is covered the policy is not
-- called breached (breached_since is null) and latest_deviation_id and
-- latest_deviation_expires_on say which deviation covers it and until when.
-- The statement, threshold, owner and severity are those of the policy version in force at the
-- latest period's start, the version fct_policy_breach judges that period by; a policy with no
-- version in force then (not yet in force, or retired) has no row.
-- A policy in force on the as-of date whose KPI no system of record measures (kpis.yml: no
-- measured_by) cannot be judged: it has one row, is_measured false, under its owner's department,
-- so the report says so instead of leaving the policy out.
-- Grain: one row per policy and department it applies to.
create or replace table rpt_policy_execution as
with

-- each policy once, with its KPI (versions of a policy measure the same KPI)
policies as (
    select distinct policy_id, kpi_id from dim_policy
),

periods as (
    select m.kpi_id, m.department_code, m.period_start, m.period_label, m.measured_value, r.reported_value
    from int_measured_kpi_period as m
    left join int_reported_kpi_period as r using (kpi_id, department_code, period_start)
    where m.period_start <= (select as_of_date from run_context)
      and m.is_complete   -- the latest period the system has spoken for whole
),

latest as (
    select kpi_id, department_code,
           max(period_start)                         as latest_period_start,
           arg_max(period_label, period_start)       as latest_period,
           arg_max(measured_value, period_start)     as measured_value,
           arg_max(reported_value, period_start)     as reported_value
    from periods
    group by kpi_id, department_code
),

-- every period that fell short, covered or not: a covered one does not break a run
breached as (
    select policy_id, department_code, period_start, period_label, is_covered_by_deviation, deviation_id
    from fct_policy_breach
),

uncovered as (
    select * from breached where not is_covered_by_deviation
),

-- the start of the unbroken run of uncovered breaches that ends in the latest period, which must
-- itself be an uncovered breach; covered periods inside the run are skipped over
streak as (
    select l.kpi_id, l.department_code, p.policy_id,
           arg_min(b.period_label, b.period_start) as breached_since
    from latest as l
    join policies as p using (kpi_id)
    join uncovered as b on b.policy_id = p.policy_id and b.department_code = l.department_code
    where exists (select 1 from uncovered as u
                  where u.policy_id = p.policy_id and u.department_code = l.department_code
                    and u.period_start = l.latest_period_start)
      and not exists (
        select 1 from periods as w
        where w.kpi_id = l.kpi_id and w.department_code = l.department_code
          and w.period_start > b.period_start and w.period_start <= l.latest_period_start
          and not exists (select 1 from breached as b2
                          where b2.policy_id = p.policy_id and b2.department_code = w.department_code
                            and b2.period_start = w.period_start))
    group by all
),

counts as (
    select policy_id, department_code,
           count(*) filter (where not is_covered_by_deviation) as breached_period_count,
           count(*) filter (where is_covered_by_deviation)     as covered_period_count
    from breached
    group by all
),

-- the deviation covering the latest period, if one does
latest_cover as (
    select l.kpi_id, l.department_code, b.policy_id, b.deviation_id, d.expires_on
    from latest as l
    join policies as p using (kpi_id)
    join breached as b on b.policy_id = p.policy_id and b.department_code = l.department_code
                      and b.period_start = l.latest_period_start and b.is_covered_by_deviation
    join dim_deviation as d using (deviation_id)
),

-- the version in force at the start of each department's latest period
in_force as (
    select v.policy_id, v.kpi_id, v.threshold, v.owner_role, v.severity, v.statement, l.*
    from latest as l
    join dim_policy as v
      on v.kpi_id = l.kpi_id
     and l.latest_period_start >= v.effective_from
     and (v.effective_to is null or l.latest_period_start <= v.effective_to)
),

final as (
    select l.policy_id, l.statement, l.severity, l.department_code, d.department_name,
           coalesce(r.role_title, l.owner_role)  as owner_title,
           k.kpi_name, k.unit,
           l.threshold                           as target_value,
           l.latest_period,
           round(l.measured_value, 1)            as measured_value,
           round(l.reported_value, 1)            as reported_value,
           round(l.measured_value - l.threshold, 1) as gap,
           s.breached_since,
           coalesce(c.breached_period_count, 0)  as breached_period_count,
           coalesce(c.covered_period_count, 0)   as covered_period_count,
           lc.deviation_id                       as latest_deviation_id,
           lc.expires_on                         as latest_deviation_expires_on,
           true                                  as is_measured
    from in_force as l
    join dim_kpi as k on k.kpi_id = l.kpi_id
    left join dim_department as d using (department_code)
    left join dim_role as r on r.role_id = l.owner_role
    left join streak as s on s.policy_id = l.policy_id and s.department_code = l.department_code
    left join counts as c on c.policy_id = l.policy_id and c.department_code = l.department_code
    left join latest_cover as lc on lc.policy_id = l.policy_id and lc.department_code = l.department_code
),

-- policies in force on the as-of date on a KPI that nothing measures
unmeasured as (
    select v.policy_id, v.statement, v.severity, r.department_code, d.department_name,
           coalesce(r.role_title, v.owner_role) as owner_title,
           k.kpi_name, k.unit,
           v.threshold                          as target_value,
           false                                as is_measured
    from dim_policy as v
    join dim_kpi as k using (kpi_id)
    left join dim_role as r on r.role_id = v.owner_role
    left join dim_department as d on d.department_code = r.department_code
    where k.measured_source_id is null
      and (select as_of_date from run_context) >= v.effective_from
      and (v.effective_to is null or (select as_of_date from run_context) <= v.effective_to)
)

select * from final
union all by name
select * from unmeasured
order by policy_id, department_code;

comment on column rpt_policy_execution.breached_since is 'First period of the unbroken run of breaches, not covered by a deviation, that ends in the latest period; covered periods are skipped, a met period ends the run; null when the latest period is met or covered.';
comment on column rpt_policy_execution.breached_period_count is 'Periods in which the policy was breached outside any approved deviation.';
comment on column rpt_policy_execution.covered_period_count is 'Periods that fell short of the policy inside an approved deviation: concessions, not breaches.';
comment on column rpt_policy_execution.latest_deviation_id is 'The approved deviation (deviations.yml) covering the latest period; null when it is met or breached.';
comment on column rpt_policy_execution.latest_deviation_expires_on is 'The last day latest_deviation_id covers.';
comment on column rpt_policy_execution.is_measured is 'False for a policy whose KPI no system of record measures (kpis.yml: no measured_by): it cannot be judged, and its figures are null.';
