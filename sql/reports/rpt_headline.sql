-- rpt_headline: the headline finding per breached policy, for the company's report and for each
-- department's drill-down: how many periods of the common grain (weeks, months or fiscal periods:
-- rpt_context.period_grain), from when to when, the worst period and what the department reported
-- for it, and in how many periods the department's own figure differed from the measurement.
-- department_code says whose breaches a row counts: null for the company's report (every
-- department's), a department's code for its drill-down (its own only), so a department head's
-- PDF never counts another department's periods.
-- A period inside an approved deviation is a concession, not a breach: the counts and the first,
-- last and worst periods are over uncovered breaches only, and a policy whose shortfalls were all
-- covered has no headline (the breach table still lists them, marked). covered_period_count and
-- covering_deviation_ids let the sentence add how many periods were left out, and under which
-- deviations.
-- Periods, not rows: rpt_breached_weeks has a row per department, and a company-wide policy
-- breached by two departments in the same week was breached in one week, not two. A period is
-- breached when at least one department fell short outside a deviation; it is covered (left out,
-- counted in covered_period_count) when every department that fell short in it was inside a
-- deviation. The worst period is the worst department's figure in it, and
-- reported_in_worst_period what that department reported. The statement, threshold and owner are
-- those of the policy version that judged the worst period (a policy tightened mid-year: a March
-- breach is told against March's threshold, not July's).
-- Grain: one row per policy with at least one breached period outside a deviation, for the
-- company (department_code null) and for each department that breached it.
create or replace table rpt_headline as
with

-- each breached period twice: once for its department's headline, once for the company's (null)
scoped_weeks as (
    select *, unnest([department_code, null]) as scope_code
    from rpt_breached_weeks
),

-- a period is covered when every shortfall in it, in the scope, was inside a deviation
scoped_periods as (
    select *,
           bool_and(is_covered_by_deviation) over (partition by policy_id, scope_code, period_start) as is_covered_period
    from scoped_weeks
),

covered as (
    select policy_id,
           scope_code,
           count(distinct period_start)                                  as covered_period_count,
           string_agg(distinct deviation_id, ', ' order by deviation_id) as covering_deviation_ids
    from scoped_periods
    where is_covered_period
    group by policy_id, scope_code
),

discrepancies as (
    select kpi_id, scope_code, count(*) as discrepancy_period_count
    from (select kpi_id, unnest([department_code, null]) as scope_code from fct_reporting_discrepancy)
    group by kpi_id, scope_code
),

summary as (
    select policy_id,
           scope_code,
           arg_max(threshold, abs(threshold - measured_coverage))    as threshold,     -- the worst period's
           arg_max(period_start, abs(threshold - measured_coverage)) as worst_period_start,
           count(distinct period_start)                              as breached_period_count,
           arg_min(period_label, period_start)                       as first_breached_period,
           arg_max(period_label, period_start)                       as last_breached_period,
           arg_max(period_label, abs(threshold - measured_coverage)) as worst_period,
           arg_max(measured_coverage, abs(threshold - measured_coverage)) as worst_measured,
           arg_max(self_reported_coverage, abs(threshold - measured_coverage)) as reported_in_worst_period
    from scoped_periods
    where not is_covered_by_deviation
    group by policy_id, scope_code
),

-- the version that judged the worst period (every department's breach in a period is judged by
-- one), from the scope's own department in a department's row
policy as (
    select s.policy_id, s.scope_code, p.policy_version, p.statement, p.kpi_id, p.owner_role, p.comparator,
           k.kpi_name, k.unit, r.role_title
    from fct_policy_breach as p
    join summary as s
      on s.policy_id = p.policy_id
     and s.worst_period_start = p.period_start
     and coalesce(s.scope_code, p.department_code) = p.department_code
    join dim_kpi as k on k.kpi_id = p.kpi_id
    left join dim_role as r on r.role_id = p.owner_role
    qualify row_number() over (partition by s.policy_id, s.scope_code order by p.department_code) = 1
),

final as (
    select s.policy_id,
           s.scope_code                                as department_code,
           coalesce(dep.department_name, s.scope_code) as department_name,
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
    join policy as p
      on p.policy_id = s.policy_id and p.scope_code is not distinct from s.scope_code
    left join covered as c
      on c.policy_id = s.policy_id and c.scope_code is not distinct from s.scope_code
    left join discrepancies as d
      on d.kpi_id = p.kpi_id and d.scope_code is not distinct from s.scope_code
    left join dim_department as dep on dep.department_code = s.scope_code
    order by s.policy_id, s.scope_code nulls first
)

select * from final;

comment on table rpt_headline is 'The headline findings by policy (the PDF''s detailed headlines): one row per breached policy for the company''s report (department_code null) and one per department that breached it, for its drill-down.';
comment on column rpt_headline.policy_id is 'The policy (policies.yml).';
comment on column rpt_headline.department_code is 'Whose breaches the row counts: null for the company''s report (every department''s), else the department (departments.yml) whose drill-down it heads.';
comment on column rpt_headline.department_name is 'That department''s name; null in the company''s row.';
comment on column rpt_headline.policy_version is 'The policy version that judged the worst period.';
comment on column rpt_headline.policy_statement is 'That version''s statement.';
comment on column rpt_headline.kpi_name is 'The policy''s KPI (kpis.yml).';
comment on column rpt_headline.owner_title is 'Who owns that policy version (roles.yml).';
comment on column rpt_headline.threshold is 'That version''s threshold, in the KPI''s unit.';
comment on column rpt_headline.breached_period_count is 'Distinct periods in which at least one department (the row''s department, in a department''s row) breached the policy outside any approved deviation (a period breached by two departments counts once).';
comment on column rpt_headline.first_breached_period is 'The first of those periods.';
comment on column rpt_headline.last_breached_period is 'The last of those periods.';
comment on column rpt_headline.worst_period is 'The period furthest from its threshold.';
comment on column rpt_headline.worst_measured is 'What was measured in it (the worst department''s figure, in the company''s row).';
comment on column rpt_headline.reported_in_worst_period is 'What that department reported for it; null when it reported nothing.';
comment on column rpt_headline.unit is 'The KPI''s unit, of threshold and figures.';
comment on column rpt_headline.comparator is 'The policy''s comparator (>=, <=, ...): whether the measurement fell short or rose above.';
comment on column rpt_headline.discrepancy_period_count is 'The reporting discrepancies on the policy''s KPI (fct_reporting_discrepancy): every department''s in the company''s row, the department''s own in its row.';
comment on column rpt_headline.covered_period_count is 'Distinct periods in which every department that fell short was inside an approved deviation: concessions, left out of the counts and periods above.';
comment on column rpt_headline.covering_deviation_ids is 'The deviations (deviations.yml) that covered them, comma-separated; null when none did.';
