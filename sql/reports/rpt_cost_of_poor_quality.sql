-- rpt_cost_of_poor_quality: money lost to poor quality per department, category and week, as
-- the report sums it over the reporting period and the one before (the report passes the
-- periods as parameters). Grain: one row per department, cost category and ISO week.
create or replace table rpt_cost_of_poor_quality as
with

costs as (
    select * from mart_cost_of_poor_quality
),

final as (
    select c.department_code, d.department_name, c.category, c.iso_week, c.week_start,
           round(c.cost_amount, 2) as cost_amount, c.source_row_count
    from costs as c
    left join dim_department as d using (department_code)
    where c.week_start <= (select as_of_date from run_context)
)

select * from final order by department_code, category, week_start
