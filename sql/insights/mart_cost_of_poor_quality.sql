-- mart_cost_of_poor_quality: money lost to poor quality per department, week and category
-- (scrap, rework, complaints, recalls: whichever poor_quality_costs maps to a system-of-record
-- measure), summed from the source rows. Categories the data does not hold have no rows; a
-- week with rows but no cost shows 0. Amounts are in the reporting currency
-- (int_observation_current converts them); a week holding an amount without an exchange rate
-- has no total (fct_missing_exchange_rate).
-- Grain: one row per department, ISO week and cost category.
create or replace table mart_cost_of_poor_quality as
with

costs as (
    select c.category, o.department_code, o.iso_week, o.week_start, o.metric_value, o.load_id,
           o.is_missing_exchange_rate
    from int_observation_current as o
    join dim_poor_quality_cost as c on c.source_id = o.source_id and c.measure = o.metric_name
    where o.source_kind = 'system_of_record'
),

final as (
    select department_code,
           iso_week,
           week_start,
           category,
           case when bool_or(is_missing_exchange_rate) then null else plumbline_sum(metric_value) end as cost_amount,
           count(*)                                    as source_row_count,
           list(distinct load_id order by load_id)     as load_ids
    from costs
    group by department_code, iso_week, week_start, category
)

select * from final
