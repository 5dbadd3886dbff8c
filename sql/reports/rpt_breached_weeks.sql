-- rpt_breached_weeks: the breached periods as the report lists them, with the department's own
-- figure beside the measured one. The periods are those of the common grain (dim_calendar:
-- ISO week by default, month or fiscal period), as fct_policy_breach judges them; the report
-- names them by rpt_context.period_grain. A period inside an approved deviation stays in the
-- table, marked (is_covered_by_deviation, deviation_id): the report shows it as a concession, and
-- rpt_headline does not count it as a breach. A company-wide policy is judged per department
-- (fct_policy_breach), so one period can be listed once for each department that fell short;
-- department_code and department_name tell the rows apart.
-- Grain: one row per policy, department and breached period.
create or replace table rpt_breached_weeks as
with

breaches as (
    select * from fct_policy_breach
),

final as (
    select b.policy_id,
           b.department_code,
           coalesce(dep.department_name, b.department_code) as department_name,
           b.period_label,
           b.period_start,
           b.threshold,
           k.unit,                                        -- the KPI's, of threshold and figures
           round(b.measured_value, 1)                     as measured_coverage,
           round(b.self_reported_value, 1)                    as self_reported_coverage,
           round(b.self_reported_value - b.measured_value, 1) as gap_points,  -- reported minus measured
           -- a ratio's two sums (inspected of produced), named by their measures; null for a plain sum
           case when k.denominator_measure is not null then b.denominator_total::bigint end as units_produced,
           case when k.denominator_measure is not null then b.numerator_total::bigint end   as units_inspected,
           k.denominator_measure,
           k.numerator_measure,
           b.is_covered_by_deviation,
           b.deviation_id,
           d.expires_on                                   as deviation_expires_on
    from breaches as b
    join dim_kpi as k using (kpi_id)
    left join dim_deviation as d using (deviation_id)
    left join dim_department as dep on dep.department_code = b.department_code
    order by b.policy_id, b.period_start, b.department_code
)

select * from final;

comment on column rpt_breached_weeks.department_code is 'The department whose measurement fell short (departments.yml).';
comment on column rpt_breached_weeks.department_name is 'Its name, as the report prints it.';
comment on column rpt_breached_weeks.is_covered_by_deviation is 'True when an approved deviation covers the period: shown as a concession, not counted as a breach.';
comment on column rpt_breached_weeks.deviation_id is 'The approved deviation covering the period (deviations.yml); null for a breach.';
comment on column rpt_breached_weeks.deviation_expires_on is 'The last day the covering deviation applies.';
