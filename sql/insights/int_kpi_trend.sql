-- int_kpi_trend: the Mann-Kendall trend test with a Theil-Sen slope over a sliding window of a
-- KPI series, for every trend test the governance model asks for (dim_trend_test, from the
-- control charts and the compliance mirages), at every week that ends a full window.
--   S           sum over all pairs i < j of sign(x_j - x_i)
--   var(S)      (n(n-1)(2n+5) - sum over tied groups of t(t-1)(2t+5)) / 18
--   z           (S - 1) / sqrt(var(S)) for S > 0, (S + 1) / sqrt(var(S)) for S < 0, else 0
--   p_value     two-sided, 2 (1 - Phi(|z|)) = erfc(|z| / sqrt 2), with erfc by the Chebyshev
--               fit of Numerical Recipes (erfcc; absolute error below 1.2e-7)
--   slope       Theil-Sen: the median of (x_j - x_i) / (weeks between them), per week
--   slope_low/high  Sen's (1968) interval at 1 - significance: with C = z_critical sqrt(var S)
--               and N pairs, the round((N - C) / 2)-th and round((N + C) / 2) + 1-th smallest
--               pairwise slope (null where the window is too short to bound it)
--   level_at_end    the fitted line at the window's last week: median of x_i - slope * t_i,
--               t_i in weeks relative to the last week (Conover's intercept)
-- Sources: H. B. Mann, Econometrica 13 (1945); M. G. Kendall, Rank Correlation Methods (1975);
-- P. K. Sen, JASA 63 (1968); H. Theil (1950).
-- Grain: one row per trend test, department and window end week.
create or replace table int_kpi_trend as
with

tests as (
    select * from dim_trend_test
),

series as (
    select s.kpi_id, s.department_code, s.iso_week, s.week_start, s.value, s.load_ids,
           row_number() over (partition by s.kpi_id, s.department_code order by s.week_start) as point_number,
           count(*) over (partition by s.kpi_id, s.department_code) as point_count
    from int_kpi_series_weekly as s
    where s.value is not null and s.kpi_id in (select kpi_id from tests)
),

-- Every point in each full window it belongs to: the windows ending at this point and at the
-- window_weeks - 1 points after it. Equality joins on end_number keep this fast.
window_points as (
    select t.kpi_id, t.window_weeks, t.significance, p.department_code, p.point_number, p.week_start,
           p.iso_week, p.value, p.load_ids,
           unnest(range(greatest(p.point_number, t.window_weeks),
                        least(p.point_number + t.window_weeks - 1, p.point_count) + 1)) as end_number
    from tests as t
    join series as p on p.kpi_id = t.kpi_id
),

-- Every pair of points at most window_weeks - 1 apart, in each full window holding both.
pairs as (
    select t.kpi_id, t.window_weeks, t.significance, a.department_code,
           sign(b.value - a.value)                                   as pair_sign,
           (b.value - a.value) / ((b.week_start - a.week_start) / 7.0) as pair_slope,
           unnest(range(greatest(b.point_number, t.window_weeks),
                        least(a.point_number + t.window_weeks - 1, a.point_count) + 1)) as end_number
    from tests as t
    join series as a on a.kpi_id = t.kpi_id
    join (select unnest(range(1, max(window_weeks))) as gap from tests) as g on g.gap < t.window_weeks
    join series as b
      on b.kpi_id = a.kpi_id and b.department_code = a.department_code and b.point_number = a.point_number + g.gap
),

pair_statistics as (
    select kpi_id, window_weeks, significance, department_code, end_number,
           sum(pair_sign)::bigint            as s_statistic,
           count(*)                          as pair_count,
           list(pair_slope order by pair_slope) as sorted_slopes
    from pairs
    group by all
),

ties as (
    select kpi_id, window_weeks, significance, department_code, end_number,
           sum(tied * (tied - 1) * (2 * tied + 5)) as tie_term
    from (select kpi_id, window_weeks, significance, department_code, end_number, count(*) as tied
          from window_points
          group by kpi_id, window_weeks, significance, department_code, end_number, value)
    group by all
),

windows as (
    select kpi_id, window_weeks, significance, department_code, end_number,
           arg_max(iso_week, point_number)   as end_week,
           max(week_start)                   as end_week_start,
           arg_min(iso_week, point_number)   as start_week,
           min(week_start)                   as start_week_start,
           count(*)                          as point_count,
           list(value order by point_number) as window_values,
           list_sort(list_distinct(flatten(list(load_ids)))) as load_ids
    from window_points
    group by all
),

statistics as (
    select w.*,
           t.z_critical,
           s.s_statistic,
           s.pair_count,
           -- the median pairwise slope
           (s.sorted_slopes[(s.pair_count + 1) // 2] + s.sorted_slopes[s.pair_count // 2 + 1]) / 2 as slope,
           s.sorted_slopes,
           (w.point_count * (w.point_count - 1) * (2 * w.point_count + 5) - x.tie_term) / 18.0 as s_variance
    from windows as w
    join tests as t using (kpi_id, window_weeks, significance)
    join pair_statistics as s using (kpi_id, window_weeks, significance, department_code, end_number)
    join ties as x using (kpi_id, window_weeks, significance, department_code, end_number)
),

tested as (
    select *,
           case
               when s_variance <= 0 then 0
               when s_statistic > 0 then (s_statistic - 1) / sqrt(s_variance)
               when s_statistic < 0 then (s_statistic + 1) / sqrt(s_variance)
               else 0
           end as z_statistic,
           z_critical * sqrt(greatest(s_variance, 0)) as sen_c
    from statistics
),

with_p as (
    select * exclude (sorted_slopes),
           abs(z_statistic) / sqrt(2) as erfc_x,
           1 / (1 + 0.5 * abs(z_statistic) / sqrt(2)) as erfc_t,
           case when round((pair_count - sen_c) / 2) >= 1
                then sorted_slopes[round((pair_count - sen_c) / 2)::bigint] end     as slope_low,
           case when round((pair_count + sen_c) / 2) + 1 <= pair_count
                then sorted_slopes[round((pair_count + sen_c) / 2)::bigint + 1] end as slope_high
    from tested
),

levels as (
    select p.kpi_id, p.window_weeks, p.significance, p.department_code, p.end_number,
           median(p.value - w.slope * (p.week_start - w.end_week_start) / 7.0) as level_at_end
    from window_points as p
    join statistics as w using (kpi_id, window_weeks, significance, department_code, end_number)
    group by all
),

computed as (
    select w.kpi_id,
           w.department_code,
           w.window_weeks,
           w.significance,
           w.start_week,
           w.start_week_start,
           w.end_week,
           w.end_week_start,
           w.point_count,
           w.s_statistic,
           w.s_variance,
           w.z_statistic,
           least(1, w.erfc_t * exp(-w.erfc_x * w.erfc_x - 1.26551223 + w.erfc_t * (1.00002368 + w.erfc_t * (0.37409196
               + w.erfc_t * (0.09678418 + w.erfc_t * (-0.18628806 + w.erfc_t * (0.27886807 + w.erfc_t * (-1.13520398
               + w.erfc_t * (1.48851587 + w.erfc_t * (-0.82215223 + w.erfc_t * 0.17087277)))))))))) as p_value,
           w.slope,
           w.slope_low,
           w.slope_high,
           l.level_at_end,
           w.window_values,
           w.load_ids
    from with_p as w
    join levels as l using (kpi_id, window_weeks, significance, department_code, end_number)
),

final as (
    select *,
           p_value < significance and s_statistic <> 0 as is_significant,
           case when s_statistic > 0 then 'up' when s_statistic < 0 then 'down' else 'none' end as direction
    from computed
)

select * from final
