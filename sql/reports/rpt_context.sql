-- rpt_context: what the report is about: company, as-of date, config version, the weeks the
-- data covers, and the common grain (dim_calendar: week, month or fiscal_period) at which the
-- policy pages judge periods, with the first and last such period the data covers, so those
-- pages speak of weeks, months or fiscal periods as the company compares them.
-- first_period / last_period are the periods of the first and last placement_date
-- (stg_observation: a week counts in the period its Thursday is in, as every model places it),
-- so data starting with 2025-W01 (Monday 30 December 2024) covers January 2025 at the month
-- grain, not December 2024.
-- Grain: exactly one row.
create or replace table rpt_context as
with

weeks as (
    select min(week_start) as first_week_start, max(week_start) as last_week_start,
           min(placement_date) as first_placement_date, max(placement_date) as last_placement_date
    from stg_observation
    where week_start <= (select as_of_date from run_context)
),

calendar as (
    select coalesce(any_value(common_grain), 'week') as period_grain from dim_calendar
),

final as (
    select c.company_name,
           c.as_of_date,
           c.config_version,
           strftime(w.first_week_start, '%G-W%V') as first_week,
           strftime(w.last_week_start, '%G-W%V')  as last_week,
           g.period_grain,
           (select common_period_label from dim_date where calendar_date = w.first_placement_date) as first_period,
           (select common_period_label from dim_date where calendar_date = w.last_placement_date)  as last_period,
           -- KPIs on a control chart (insights.yml: control_charts): with none, the report says
           -- nothing was monitored instead of that no chart signalled
           (select count(*) from dim_control_chart)                                         as control_chart_count
    from run_context as c, weeks as w, calendar as g
)

select * from final
