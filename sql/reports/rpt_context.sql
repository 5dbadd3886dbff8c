-- rpt_context: what the report is about: company, as-of date, config version and the weeks
-- the data covers. Grain: exactly one row.
create or replace table rpt_context as
with

weeks as (
    select min(week_start) as first_week_start, max(week_start) as last_week_start
    from stg_observation
    where week_start <= (select as_of_date from run_context)
),

final as (
    select c.company_name,
           c.as_of_date,
           c.config_version,
           strftime(w.first_week_start, '%G-W%V') as first_week,
           strftime(w.last_week_start, '%G-W%V')  as last_week
    from run_context as c, weeks as w
)

select * from final
