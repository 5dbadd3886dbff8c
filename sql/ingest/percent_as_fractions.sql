-- The metrics of the file just typed that look like percentages written as fractions: every
-- value lies between 0 and 1 (one above 0) while the metric's KPI is in percent with a target
-- above 1 (a coverage of 0.962 against a target of 95). Likely 96.2 % in a column the source does
-- not declare unit: fraction for, loaded as 0.962 %. Loaded as written, but the load says so
-- (PercentAsFractions). A KPI whose target is 1 % or less (a scrap rate of 0.4 %) is left alone:
-- its figures are small. Percentages as text ("96 %") read as 96 and are never here.
with

metrics as (
    select distinct on (metric_name) metric_name, coalesce(column_name, metric_name) as column_name, kpi_name,
           kpi_target
    from incoming_metric
    where kpi_unit = 'percent' and stated_unit is null and kpi_target > 1
)

select m.kpi_name, m.column_name, count(*) as value_count,
       plumbline_shown(max(v.value)) as largest, plumbline_shown(m.kpi_target) as kpi_target
from incoming_value as v
join metrics as m using (metric_name)
where v.problem is null and v.value is not null
group by all
having max(abs(v.value)) <= 1 and max(abs(v.value)) > 0
order by m.column_name
