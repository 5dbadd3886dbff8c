-- rpt_coverage_by_period: for each policy's KPI, measured beside self-reported, every period of
-- the common grain (dim_calendar: ISO week by default, month or fiscal period) from the first
-- period with a figure to the last: the report's chart. It shows what the policy pages judge: the
-- figures are v_kpi_period's, the ones fct_policy_breach judges and fct_reporting_discrepancy
-- compares (int_measured_kpi_period, int_reported_kpi_period: a ratio over the period's rows, a
-- reported percentage averaged over the period, an amount summed), so a department reporting
-- monthly is charted once a month, at its month, not in the ISO week of the 1st. The report
-- names the periods by rpt_context.period_grain.
-- A period between the first and the last without a figure is a row with null figures: the
-- chart's axis then lists it and its line breaks there. Left out, the axis would skip it and the
-- line would run straight across, as if the months nobody reported or measured had been (the
-- periods come from dim_common_period, which has every one).
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

-- Each chart's first and last period with a figure.
charts as (
    select p.policy_id, p.kpi_id, w.department_code,
           min(w.period_start) as first_period_start,
           max(w.period_start) as last_period_start
    from policies as p
    join periods as w on w.kpi_id = p.kpi_id
    group by all
),

-- Every period of the common grain from a chart's first to its last, with a figure or not.
chart_periods as (
    select c.policy_id, c.kpi_id, c.department_code,
           d.period_label,
           d.period_start
    from charts as c
    join dim_common_period as d on d.period_start between c.first_period_start and c.last_period_start
),

final as (
    select c.policy_id,
           c.department_code,
           coalesce(dep.department_name, c.department_code) as department_name,
           k.kpi_name,
           k.unit,
           c.period_label,
           c.period_start,
           round(w.measured_value, 1) as measured_coverage,
           round(w.reported_value, 1) as self_reported_coverage,
           v.threshold
    from chart_periods as c
    join dim_kpi as k on k.kpi_id = c.kpi_id
    left join periods as w
      on w.kpi_id = c.kpi_id and w.department_code = c.department_code and w.period_start = c.period_start
    -- the version in force at the period's start: fct_policy_breach's join, word for word
    left join dim_policy as v
      on v.policy_id = c.policy_id
     and c.period_start >= v.effective_from
     and (v.effective_to is null or c.period_start <= v.effective_to)
    left join dim_department as dep on dep.department_code = c.department_code
    order by c.policy_id, c.department_code, c.period_start
)

select * from final;

comment on table rpt_coverage_by_period is 'The chart of self-reported against measured figures: each policy''s KPI per department and period of the common grain (the ISO week by default), from the first period with a figure to the last, with the threshold that judges the period; a period without a figure has null figures (a gap in the line); one row per policy, department and period.';
comment on column rpt_coverage_by_period.policy_id is 'The policy (policies.yml).';
comment on column rpt_coverage_by_period.department_code is 'The department measured and reporting.';
comment on column rpt_coverage_by_period.department_name is 'Its name, as the report prints it.';
comment on column rpt_coverage_by_period.kpi_name is 'The policy''s KPI (kpis.yml).';
comment on column rpt_coverage_by_period.unit is 'The KPI''s unit, of the figures and the threshold.';
comment on column rpt_coverage_by_period.period_label is 'The period at the common grain: 2025-W31, 2025-07 or FY2025-P07 (dim_common_period.period_label).';
comment on column rpt_coverage_by_period.period_start is 'First day of the period.';
comment on column rpt_coverage_by_period.measured_coverage is 'What the system of record measured in the period (v_kpi_period.measured_value), rounded to 0.1; null where it measured nothing.';
comment on column rpt_coverage_by_period.self_reported_coverage is 'What the department reported for the period (v_kpi_period.reported_value), rounded to 0.1; null where it reported nothing.';
comment on column rpt_coverage_by_period.threshold is 'The threshold of the policy version in force at the period''s start, as fct_policy_breach judges it; null when no version was in force.';
