-- rpt_headline: the one-sentence finding per breached policy: how many periods of the common
-- grain (weeks, months or fiscal periods: rpt_context.period_grain), from when to when, the worst
-- period and what the department reported for it, and in how many periods the department's own
-- figure differed from the measurement. A period inside an approved deviation is a concession,
-- not a breach: the counts and the first, last and worst periods are over uncovered breaches only,
-- and a policy whose shortfalls were all covered has no headline (the breach table still lists
-- them, marked). covered_period_count and covering_deviation_ids let the sentence add how many
-- periods were left out, and under which deviations.
-- Periods, not rows: rpt_breached_weeks has a row per department, and a company-wide policy
-- breached by two departments in the same week was breached in one week, not two. A period is
-- breached when at least one department fell short outside a deviation; it is covered (left out,
-- counted in covered_period_count) when every department that fell short in it was inside a
-- deviation. The worst period is the worst department's figure in it, and
-- reported_in_worst_period what that department reported. The statement, threshold and owner are
-- those of the policy version that judged the worst period (a policy tightened mid-year: a March
-- breach is told against March's threshold, not July's).
-- Grain: one row per policy with at least one breached period outside a deviation.
create or replace table rpt_headline as
with

breaches as (
    select * from rpt_breached_weeks where not is_covered_by_deviation
),

-- periods in which every shortfall was inside a deviation
covered_periods as (
    select policy_id, period_start
    from rpt_breached_weeks
    group by policy_id, period_start
    having bool_and(is_covered_by_deviation)
),

covered as (
    select w.policy_id,
           count(distinct w.period_start)                                    as covered_period_count,
           string_agg(distinct w.deviation_id, ', ' order by w.deviation_id) as covering_deviation_ids
    from rpt_breached_weeks as w
    join covered_periods as c using (policy_id, period_start)
    group by w.policy_id
),

discrepancies as (
    select d.kpi_id, count(*) as discrepancy_period_count
    from fct_reporting_discrepancy as d
    group by d.kpi_id
),

summary as (
    select policy_id,
           arg_max(threshold, abs(threshold - measured_coverage))    as threshold,     -- the worst period's
           arg_max(period_start, abs(threshold - measured_coverage)) as worst_period_start,
           count(distinct period_start)                              as breached_period_count,
           arg_min(period_label, period_start)                       as first_breached_period,
           arg_max(period_label, period_start)                       as last_breached_period,
           arg_max(period_label, abs(threshold - measured_coverage)) as worst_period,
           arg_max(measured_coverage, abs(threshold - measured_coverage)) as worst_measured,
           arg_max(self_reported_coverage, abs(threshold - measured_coverage)) as reported_in_worst_period
    from breaches
    group by policy_id
),

-- the version that judged the worst period (every department's breach in a period is judged by one)
policy as (
    select p.policy_id, p.policy_version, p.statement, p.kpi_id, p.owner_role, p.comparator,
           k.kpi_name, k.unit, r.role_title
    from fct_policy_breach as p
    join summary as s on s.policy_id = p.policy_id and s.worst_period_start = p.period_start
    join dim_kpi as k using (kpi_id)
    left join dim_role as r on r.role_id = p.owner_role
    qualify row_number() over (partition by p.policy_id order by p.department_code) = 1
),

final as (
    select s.policy_id,
           p.policy_version,
           p.statement                                 as policy_statement,
           p.kpi_name,
           coalesce(p.role_title, p.owner_role)        as owner_title,
           s.threshold,
           s.breached_period_count::integer            as breached_period_count,
           s.first_breached_period,
           s.last_breached_period,
           s.worst_period,
           s.worst_measured,
           s.reported_in_worst_period,
           p.unit,                                     -- the figures' unit (kpis.yml), for the sentence
           p.comparator,                               -- >= fell short, <= rose above (the sentence's verb)
           coalesce(d.discrepancy_period_count, 0)::integer as discrepancy_period_count,
           coalesce(c.covered_period_count, 0)::integer as covered_period_count,
           c.covering_deviation_ids
    from summary as s
    join policy as p using (policy_id)
    left join covered as c using (policy_id)
    left join discrepancies as d on d.kpi_id = p.kpi_id
    order by s.policy_id
)

select * from final;

comment on column rpt_headline.breached_period_count is 'Distinct periods in which at least one department breached the policy outside any approved deviation (a period breached by two departments counts once).';
comment on column rpt_headline.covered_period_count is 'Distinct periods in which every department that fell short was inside an approved deviation: concessions, left out of the counts and periods above.';
comment on column rpt_headline.covering_deviation_ids is 'The deviations (deviations.yml) that covered them, comma-separated; null when none did.';
