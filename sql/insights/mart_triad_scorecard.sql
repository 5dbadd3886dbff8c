-- mart_triad_scorecard: per department and ISO week, quality, cost and speed side by side, each
-- against its targets: how many of the department's KPIs in that dimension have a value that
-- week, how many meet their target, and the one furthest off (its value and target). A KPI
-- counts as its system of record measures it where one does, else as the department reports
-- it. A dimension without any KPI value that week is 'not reported'.
-- The weekly scorecard analysts read, whatever the common grain (calendar.yml): the weeks of
-- int_triad_scorecard, which works the scorecard out once for this view and for the report's
-- scorecard at the common grain (rpt_triad_scorecard). At the week grain those weeks are the
-- report's periods, with v_kpi_period's figures; at a month or fiscal grain they come from the
-- weekly series (int_kpi_series_weekly), against the weekly targets (kpis.yml).
-- Grain: one row per department and ISO week with at least one KPI value.
create or replace table mart_triad_scorecard as
with

weeks as (
    select * from int_triad_scorecard where period_grain = 'week'
),

final as (
    select department_code,
           period_label as iso_week,
           period_start as week_start,
           * exclude (department_code, period_grain, period_label, period_start, period_end)
    from weeks
)

select * from final
