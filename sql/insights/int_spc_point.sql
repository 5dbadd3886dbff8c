-- int_spc_point: every week of a charted KPI series placed on its control chart. Phase I (the
-- configured baseline) gives the centre line and sigma; phase II is every later week, judged
-- against them. What is plotted, and its sigma, depend on the chart type:
--   individuals  the value; sigma = mean moving range of phase I / d2(2) = MR-bar / 1.128
--   xbar_r       the subgroup mean; sigma = mean of phase-I range / d2(n), divided by sqrt(n)
--   p            numerator / denominator; sigma = sqrt(p-bar (1 - p-bar) / n), p-bar pooled
--   c            the count; sigma = sqrt(c-bar)
--   u            numerator / denominator; sigma = sqrt(u-bar / n), u-bar pooled
-- Limits are centre +/- 3 sigma; p, c and u cannot go below 0 (nor p above 1). z is the
-- distance from the centre in sigmas, which the run rules read; where sigma is 0 (a perfectly
-- steady baseline) any other value is infinitely far out.
-- Grain: one row per charted KPI, department and ISO week from the baseline's start on.
create or replace table int_spc_point as
with

charts as (
    select * from dim_control_chart
),

-- d2: the expected range of n standard normal values (ASTM / Montgomery, Appendix VI).
d2_constants as (
    select * from (values (2, 1.128), (3, 1.693), (4, 2.059), (5, 2.326), (6, 2.534),
                          (7, 2.704), (8, 2.847), (9, 2.970), (10, 3.078)) as t(subgroup_size, d2)
),

series as (
    select s.*,
           c.chart_type,
           case when s.week_start <= c.baseline_to then 'I' else 'II' end as phase,
           case c.chart_type
               when 'individuals' then s.value
               when 'xbar_r'      then s.subgroup_mean
               when 'c'           then s.value
               else s.numerator_total / nullif(s.denominator_total, 0)
           end as plotted_value,
           case c.chart_type
               when 'xbar_r' then s.subgroup_size
               when 'p'      then s.denominator_total
               when 'u'      then s.denominator_total
           end as sample_size
    from int_kpi_series_weekly as s
    join charts as c using (kpi_id)
    where s.week_start >= c.baseline_from
),

plotted as (
    select *,
           lag(plotted_value) over (partition by kpi_id, department_code, phase order by week_start) as previous_value
    from series
    where plotted_value is not null
),

baseline as (
    select p.kpi_id,
           p.department_code,
           count(*)                                                   as baseline_points,
           avg(p.plotted_value)                                       as mean_value,
           avg(abs(p.plotted_value - p.previous_value))               as mean_moving_range,
           sum(p.numerator_total) / nullif(sum(p.sample_size), 0)     as pooled_rate,
           avg(p.subgroup_range / d.d2)                               as sigma_from_ranges
    from plotted as p
    left join d2_constants as d on d.subgroup_size = p.subgroup_size
    where p.phase = 'I'
    group by p.kpi_id, p.department_code
),

centred as (
    select p.*,
           b.baseline_points,
           case when p.chart_type in ('p', 'u') then b.pooled_rate else b.mean_value end as centre_line,
           case p.chart_type
               when 'individuals' then b.mean_moving_range / 1.128
               when 'xbar_r'      then b.sigma_from_ranges / sqrt(p.sample_size)
               when 'c'           then sqrt(b.mean_value)
               when 'p'           then sqrt(b.pooled_rate * (1 - b.pooled_rate) / p.sample_size)
               when 'u'           then sqrt(b.pooled_rate / p.sample_size)
           end as sigma
    from plotted as p
    join baseline as b using (kpi_id, department_code)
    -- one baseline point gives a centre but no spread: no limits, no chart
    where b.baseline_points >= 2
),

final as (
    select kpi_id,
           department_code,
           iso_week,
           week_start,
           row_number() over (partition by kpi_id, department_code order by week_start) as point_number,
           phase,
           chart_type,
           plotted_value,
           sample_size,
           centre_line,
           sigma,
           case when chart_type = 'p' then least(1, centre_line + 3 * sigma) else centre_line + 3 * sigma end
               as upper_control_limit,
           case when chart_type in ('p', 'c', 'u') then greatest(0, centre_line - 3 * sigma)
                else centre_line - 3 * sigma end
               as lower_control_limit,
           case
               when sigma > 0 then (plotted_value - centre_line) / sigma
               when plotted_value > centre_line then 'infinity'::double
               when plotted_value < centre_line then '-infinity'::double
               else 0
           end as z_score,
           baseline_points,
           load_ids
    from centred
    where sigma is not null
)

select * from final
