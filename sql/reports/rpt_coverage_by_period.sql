-- rpt_coverage_by_period: for each policy's KPI, measured beside self-reported, every period of
-- the common grain with data (dim_calendar: ISO week by default, month or fiscal period): the
-- report's chart. It shows what the policy pages judge: the figures are v_kpi_period's, the
-- ones fct_policy_breach judges and fct_reporting_discrepancy compares (int_measured_kpi_period,
-- int_reported_kpi_period: a ratio over the period's rows, a reported percentage averaged over
-- the period, an amount summed), so a department reporting monthly is charted once a month, at
-- its month, not in the ISO week of the 1st. The report names the periods by
-- rpt_context.period_grain.
-- threshold is the one of the policy version that judges the period, by fct_policy_breach's rule:
-- the version in force at the period's start. A period before the policy's first version took
-- effect, or after its last one ended, is judged by none: its threshold is null.
-- The chart is drawn per policy and department (a company-wide policy's departments each have
-- their own measured and reported lines), in the KPI's unit.
-- Grain: one row per policy, department and period of the common grain.
create or replace table rpt_coverage_by_period as
with

policies as (
    select distinct policy_id, kpi_id from dim_policy
),

periods as (
    select * from v_kpi_period
    where period_start <= (select as_of_date from run_context)
),

final as (
    select p.policy_id,
           w.department_code,
           coalesce(dep.department_name, w.department_code) as department_name,
           w.kpi_name,
           w.unit,
           w.period_label,
           w.period_start,
           round(w.measured_value, 1) as measured_coverage,
           round(w.reported_value, 1) as self_reported_coverage,
           v.threshold
    from policies as p
    join periods as w on w.kpi_id = p.kpi_id
    -- the version in force at the period's start: fct_policy_breach's join, word for word
    left join dim_policy as v
      on v.policy_id = p.policy_id
     and w.period_start >= v.effective_from
     and (v.effective_to is null or w.period_start <= v.effective_to)
    left join dim_department as dep on dep.department_code = w.department_code
    order by p.policy_id, w.department_code, w.period_start
)

select * from final;

comment on table rpt_coverage_by_period is 'The chart of self-reported against measured figures: each policy''s KPI per department and period of the common grain (the ISO week by default), with the threshold that judges the period; one row per policy, department and period.';
comment on column rpt_coverage_by_period.policy_id is 'The policy (policies.yml).';
comment on column rpt_coverage_by_period.department_code is 'The department measured and reporting.';
comment on column rpt_coverage_by_period.department_name is 'Its name, as the report prints it.';
comment on column rpt_coverage_by_period.kpi_name is 'The policy''s KPI (kpis.yml).';
comment on column rpt_coverage_by_period.unit is 'The KPI''s unit, of the figures and the threshold.';
comment on column rpt_coverage_by_period.period_label is 'The period at the common grain: 2025-W31, 2025-07 or FY2025-P07 (v_kpi_period.period_label).';
comment on column rpt_coverage_by_period.period_start is 'First day of the period.';
comment on column rpt_coverage_by_period.measured_coverage is 'What the system of record measured in the period (v_kpi_period.measured_value), rounded to 0.1; null where it measured nothing.';
comment on column rpt_coverage_by_period.self_reported_coverage is 'What the department reported for the period (v_kpi_period.reported_value), rounded to 0.1; null where it reported nothing.';
comment on column rpt_coverage_by_period.threshold is 'The threshold of the policy version in force at the period''s start, as fct_policy_breach judges it; null when no version was in force.';
