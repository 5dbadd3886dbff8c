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
           row_number() over (partition by s.kpi_id, s.department_code order by s.week_start) as point_number
    from int_kpi_series_weekly as s
    where s.value is not null and s.kpi_id in (select kpi_id from tests)
),

window_points as (
    select t.kpi_id, t.window_weeks, t.significance, t.z_critical, e.department_code,
           e.iso_week   as end_week,
           e.week_start as end_week_start,
           p.point_number,
           p.iso_week,
           p.value,
           (p.week_start - e.week_start) / 7.0 as weeks_from_end,
           p.load_ids
    from tests as t
    join series as e on e.kpi_id = t.kpi_id and e.point_number >= t.window_weeks
    join series as p
      on p.kpi_id = e.kpi_id and p.department_code = e.department_code
     and p.point_number between e.point_number - t.window_weeks + 1 and e.point_number
),

pairs as (
    select a.kpi_id, a.window_weeks, a.significance, a.department_code, a.end_week,
           sign(b.value - a.value)                                         as pair_sign,
           (b.value - a.value) / (b.weeks_from_end - a.weeks_from_end)     as pair_slope
    from window_points as a
    join window_points as b
      on b.kpi_id = a.kpi_id and b.window_weeks = a.window_weeks and b.significance = a.significance
     and b.department_code = a.department_code and b.end_week = a.end_week
     and b.point_number > a.point_number
),

window_key as (
    select kpi_id, window_weeks, significance, department_code, end_week
    from window_points
    group by all
),

ties as (
    select kpi_id, window_weeks, significance, department_code, end_week,
           sum(tied * (tied - 1) * (2 * tied + 5)) as tie_term
    from (select kpi_id, window_weeks, significance, department_code, end_week, count(*) as tied
          from window_points
          group by kpi_id, window_weeks, significance, department_code, end_week, value)
    group by all
),

windows as (
    select kpi_id, window_weeks, significance, department_code, end_week,
           any_value(z_critical)           as z_critical,
           any_value(end_week_start)       as end_week_start,
           arg_min(iso_week, point_number) as start_week,
           min(end_week_start + (weeks_from_end * 7)::integer) as start_week_start,
           count(*)                        as point_count,
           list(value order by point_number) as window_values,
           list_sort(list_distinct(flatten(list(load_ids)))) as load_ids
    from window_points
    group by all
),

statistics as (
    select w.*,
           s.s_statistic,
           s.pair_count,
           s.slope,
           (w.point_count * (w.point_count - 1) * (2 * w.point_count + 5) - t.tie_term) / 18.0 as s_variance
    from windows as w
    join (select kpi_id, window_weeks, significance, department_code, end_week,
                 sum(pair_sign)::bigint as s_statistic,
                 count(*)               as pair_count,
                 median(pair_slope)     as slope
          from pairs
          group by all) as s using (kpi_id, window_weeks, significance, department_code, end_week)
    join ties as t using (kpi_id, window_weeks, significance, department_code, end_week)
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
    select *,
           abs(z_statistic) / sqrt(2) as erfc_x,
           1 / (1 + 0.5 * abs(z_statistic) / sqrt(2)) as erfc_t
    from tested
),

ranked_slopes as (
    select kpi_id, window_weeks, significance, department_code, end_week, pair_slope,
           row_number() over (partition by kpi_id, window_weeks, significance, department_code, end_week
                              order by pair_slope) as slope_rank
    from pairs
),

bounds as (
    select w.kpi_id, w.window_weeks, w.significance, w.department_code, w.end_week,
           any_value(r.pair_slope) filter (where r.slope_rank = round((w.pair_count - w.sen_c) / 2))     as slope_low,
           any_value(r.pair_slope) filter (where r.slope_rank = round((w.pair_count + w.sen_c) / 2) + 1) as slope_high
    from with_p as w
    join ranked_slopes as r using (kpi_id, window_weeks, significance, department_code, end_week)
    group by all
),

levels as (
    select p.kpi_id, p.window_weeks, p.significance, p.department_code, p.end_week,
           median(p.value - w.slope * p.weeks_from_end) as level_at_end
    from window_points as p
    join statistics as w using (kpi_id, window_weeks, significance, department_code, end_week)
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
           b.slope_low,
           b.slope_high,
           l.level_at_end,
           w.window_values,
           w.load_ids
    from with_p as w
    join bounds as b using (kpi_id, window_weeks, significance, department_code, end_week)
    join levels as l using (kpi_id, window_weeks, significance, department_code, end_week)
),

final as (
    select *,
           p_value < significance and s_statistic <> 0 as is_significant,
           case when s_statistic > 0 then 'up' when s_statistic < 0 then 'down' else 'none' end as direction
    from computed
)

select * from final
