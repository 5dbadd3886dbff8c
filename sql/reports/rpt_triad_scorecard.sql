-- rpt_triad_scorecard: quality, cost and speed side by side per department and period of the
-- common grain (dim_calendar: ISO week by default, month or fiscal period), each against target,
-- with the names of the KPIs furthest off, each worst figure and its target in the KPI's unit.
-- The report shows each department's latest period inside the reporting period.
-- The scorecard itself is int_triad_scorecard's periods of the common grain: each KPI's figure is
-- v_kpi_period's, the one the policy pages state for the period (a measured rate over the whole
-- period, not the mean of its weeks), and an amount's target the weekly target times the weeks
-- the period holds. This adds only what the page prints: names and units.
-- Grain: one row per department and period with at least one KPI value, up to the as-of date.
create or replace table rpt_triad_scorecard as
with

scorecard as (
    select t.*
    from int_triad_scorecard as t
    join dim_calendar as c on c.common_grain = t.period_grain
),

final as (
    select t.department_code, d.department_name, t.period_label, t.period_start, t.period_end,
           t.quality_status,
           t.quality_on_target_count,
           t.quality_kpi_count,
           kq.kpi_name                    as quality_worst_kpi,
           t.quality_worst_value,
           t.quality_worst_target,
           t.cost_status,
           t.cost_on_target_count,
           t.cost_kpi_count,
           kc.kpi_name                    as cost_worst_kpi,
           t.cost_worst_value,
           t.cost_worst_target,
           t.speed_status,
           t.speed_on_target_count,
           t.speed_kpi_count,
           ks.kpi_name                    as speed_worst_kpi,
           t.speed_worst_value,
           t.speed_worst_target,
           -- the worst KPIs' units (kpis.yml), so the cell reads "35,400 EUR / 8,000 EUR", "3.3% / 2.0%"
           kq.unit                        as quality_worst_unit,
           kc.unit                        as cost_worst_unit,
           ks.unit                        as speed_worst_unit
    from scorecard as t
    left join dim_department as d on d.department_code = t.department_code
    left join dim_kpi as kq on kq.kpi_id = t.quality_worst_kpi_id
    left join dim_kpi as kc on kc.kpi_id = t.cost_worst_kpi_id
    left join dim_kpi as ks on ks.kpi_id = t.speed_worst_kpi_id
    where t.period_start <= (select as_of_date from run_context)
)

select * from final order by department_code, period_start;

comment on table rpt_triad_scorecard is 'The triad scorecard the report prints: per department and period of the common grain (calendar.yml common_grain), quality, cost and speed each against target, with the KPI furthest off. Each KPI''s figure is v_kpi_period''s for the period, as the policy pages state it; a count a system measures is 0 in a period its exports covered without a row. The same per ISO week, whatever the common grain: mart_triad_scorecard.';
comment on column rpt_triad_scorecard.department_code is 'The department.';
comment on column rpt_triad_scorecard.department_name is 'The department''s name.';
comment on column rpt_triad_scorecard.period_label is 'The period of the common grain: 2025-W31, 2025-07 or FY2025-P07.';
comment on column rpt_triad_scorecard.period_start is 'First day of the period.';
comment on column rpt_triad_scorecard.period_end is 'Last day of the period.';
comment on column rpt_triad_scorecard.quality_status is 'on target (every quality KPI with a value meets its target), off target, or not reported (no quality KPI has a value in the period).';
comment on column rpt_triad_scorecard.quality_on_target_count is 'How many of the department''s quality KPIs with a value meet their target.';
comment on column rpt_triad_scorecard.quality_kpi_count is 'How many of the department''s quality KPIs have a value in the period.';
comment on column rpt_triad_scorecard.quality_worst_kpi is 'The name of the quality KPI furthest off its target, as a share of the target.';
comment on column rpt_triad_scorecard.quality_worst_value is 'That KPI''s figure for the period (v_kpi_period: measured where a system of record measures it, else as reported).';
comment on column rpt_triad_scorecard.quality_worst_target is 'The target of the KPI furthest off, for the period: a rate''s or time''s weekly target, an amount''s weekly target times the weeks the period holds.';
comment on column rpt_triad_scorecard.cost_status is 'on target, off target or not reported, as quality_status for the cost KPIs.';
comment on column rpt_triad_scorecard.cost_on_target_count is 'How many of the department''s cost KPIs with a value meet their target.';
comment on column rpt_triad_scorecard.cost_kpi_count is 'How many of the department''s cost KPIs have a value in the period.';
comment on column rpt_triad_scorecard.cost_worst_kpi is 'The name of the cost KPI furthest off its target.';
comment on column rpt_triad_scorecard.cost_worst_value is 'That KPI''s figure for the period, as quality_worst_value.';
comment on column rpt_triad_scorecard.cost_worst_target is 'Its target for the period, as quality_worst_target.';
comment on column rpt_triad_scorecard.speed_status is 'on target, off target or not reported, as quality_status for the speed KPIs.';
comment on column rpt_triad_scorecard.speed_on_target_count is 'How many of the department''s speed KPIs with a value meet their target.';
comment on column rpt_triad_scorecard.speed_kpi_count is 'How many of the department''s speed KPIs have a value in the period.';
comment on column rpt_triad_scorecard.speed_worst_kpi is 'The name of the speed KPI furthest off its target.';
comment on column rpt_triad_scorecard.speed_worst_value is 'That KPI''s figure for the period, as quality_worst_value.';
comment on column rpt_triad_scorecard.speed_worst_target is 'Its target for the period, as quality_worst_target.';
comment on column rpt_triad_scorecard.quality_worst_unit is 'The unit of the quality KPI furthest off (kpis.yml), for its figure and target.';
comment on column rpt_triad_scorecard.cost_worst_unit is 'The unit of the cost KPI furthest off.';
comment on column rpt_triad_scorecard.speed_worst_unit is 'The unit of the speed KPI furthest off.';
