-- fct_spc_signal: every run-rule signal on every control chart, in both phases. A signal is
-- reported at the point that completes the pattern, and names the points that make it.
--   WE1 / N1  one point beyond 3 sigma
--   WE2 / N5  two of three consecutive points beyond 2 sigma, same side (this point one of them)
--   WE3 / N6  four of five consecutive points beyond 1 sigma, same side (this point one of them)
--   WE4       eight consecutive points on one side of the centre line
--   N2        nine consecutive points on one side of the centre line
--   N3        six consecutive points steadily increasing or decreasing
--   N4        fourteen consecutive points alternating up and down
--   N7        fifteen consecutive points within 1 sigma (either side)
--   N8        eight consecutive points beyond 1 sigma, on both sides of the centre line
-- Sources: Western Electric, Statistical Quality Control Handbook (1956); L. S. Nelson, "The
-- Shewhart control chart - tests for special causes", J. Quality Technology 16(4), 1984.
-- side: above / below the centre line, up / down (N3), both (N4, N7, N8).
-- At the start of a series a k-of-n rule counts over the points there are: two points beyond
-- 2 sigma are two of the first three, whatever the third.
-- Only drawn charts are judged: a baseline too short, or without spread, has no limits to judge
-- by (int_spc_point.chart_status; fct_spc_chart says why).
-- A baseline week left out of the limits (int_spc_point.excluded_from_baseline) lay beyond the
-- trial limits of the whole baseline and beyond the limits revised without it, so it is a WE1 /
-- N1 signal whatever its z against the final limits (almost always beyond them too).
-- Grain: one row per charted KPI, department, rule and point at which the rule fires.
create or replace table fct_spc_signal as
with

points as (
    select *,
           sign(plotted_value - lag(plotted_value) over series_order) as step
    from int_spc_point
    where chart_status = 'drawn'
    window series_order as (partition by kpi_id, department_code order by point_number)
),

steps as (
    select *,
           -- 1 where this step reverses the previous one (a zig-zag)
           case when step * lag(step) over series_order = -1 then 1 else 0 end as reverses
    from points
    window series_order as (partition by kpi_id, department_code order by point_number)
),

windowed as (
    select *,
           count(*) over last_8  as n_8,
           count(*) over last_9  as n_9,
           count(*) over last_14 as n_14,
           count(*) over last_15 as n_15,
           sum((z_score > 2)::int)  over last_3 as above_2_of_3,
           sum((z_score < -2)::int) over last_3 as below_2_of_3,
           sum((z_score > 1)::int)  over last_5 as above_1_of_5,
           sum((z_score < -1)::int) over last_5 as below_1_of_5,
           sum((z_score > 0)::int)  over last_8 as above_0_of_8,
           sum((z_score < 0)::int)  over last_8 as below_0_of_8,
           sum((z_score > 0)::int)  over last_9 as above_0_of_9,
           sum((z_score < 0)::int)  over last_9 as below_0_of_9,
           sum((step > 0)::int)     over last_5 as rises_of_5,
           sum((step < 0)::int)     over last_5 as falls_of_5,
           sum(reverses)            over last_12 as reversals_of_12,
           sum((abs(z_score) < 1)::int) over last_15 as inside_1_of_15,
           sum((z_score > 1)::int)  over last_8 as above_1_of_8,
           sum((z_score < -1)::int) over last_8 as below_1_of_8,
           list({'iso_week': iso_week, 'z': z_score}) over last_3  as points_3,
           list({'iso_week': iso_week, 'z': z_score}) over last_5  as points_5,
           list(iso_week) over last_6  as weeks_6,
           list(iso_week) over last_8  as weeks_8,
           list(iso_week) over last_9  as weeks_9,
           list(iso_week) over last_14 as weeks_14,
           list(iso_week) over last_15 as weeks_15
    from steps
    window series_order as (partition by kpi_id, department_code order by point_number),
           last_3  as (series_order rows between 2 preceding and current row),
           last_5  as (series_order rows between 4 preceding and current row),
           last_6  as (series_order rows between 5 preceding and current row),
           last_8  as (series_order rows between 7 preceding and current row),
           last_9  as (series_order rows between 8 preceding and current row),
           last_12 as (series_order rows between 11 preceding and current row),
           last_14 as (series_order rows between 13 preceding and current row),
           last_15 as (series_order rows between 14 preceding and current row)
),

beyond_3 as (
    select *, case when z_score > 0 then 'above' else 'below' end as side, [iso_week] as signal_points
    from windowed where abs(z_score) > 3 or excluded_from_baseline
),

two_of_three as (
    select *, 'above' as side,
           list_transform(list_filter(points_3, lambda p: p.z > 2), lambda p: p.iso_week) as signal_points
    from windowed where z_score > 2 and above_2_of_3 >= 2
    union all
    select *, 'below',
           list_transform(list_filter(points_3, lambda p: p.z < -2), lambda p: p.iso_week)
    from windowed where z_score < -2 and below_2_of_3 >= 2
),

four_of_five as (
    select *, 'above' as side,
           list_transform(list_filter(points_5, lambda p: p.z > 1), lambda p: p.iso_week) as signal_points
    from windowed where z_score > 1 and above_1_of_5 >= 4
    union all
    select *, 'below',
           list_transform(list_filter(points_5, lambda p: p.z < -1), lambda p: p.iso_week)
    from windowed where z_score < -1 and below_1_of_5 >= 4
),

eight_one_side as (
    select *, case when above_0_of_8 = 8 then 'above' else 'below' end as side, weeks_8 as signal_points
    from windowed where n_8 = 8 and (above_0_of_8 = 8 or below_0_of_8 = 8)
),

nine_one_side as (
    select *, case when above_0_of_9 = 9 then 'above' else 'below' end as side, weeks_9 as signal_points
    from windowed where n_9 = 9 and (above_0_of_9 = 9 or below_0_of_9 = 9)
),

six_trending as (
    select *, case when rises_of_5 = 5 then 'up' else 'down' end as side, weeks_6 as signal_points
    from windowed where rises_of_5 = 5 or falls_of_5 = 5
),

fourteen_alternating as (
    select *, 'both' as side, weeks_14 as signal_points
    from windowed where n_14 = 14 and reversals_of_12 = 12
),

fifteen_hugging as (
    select *, 'both' as side, weeks_15 as signal_points
    from windowed where n_15 = 15 and inside_1_of_15 = 15
),

eight_avoiding as (
    select *, 'both' as side, weeks_8 as signal_points
    from windowed
    where n_8 = 8 and above_1_of_8 + below_1_of_8 = 8 and above_1_of_8 > 0 and below_1_of_8 > 0
),

patterns as (
    select 'WE1' as rule_id, * from beyond_3
    union all by name select 'N1' as rule_id, * from beyond_3
    union all by name select 'WE2' as rule_id, * from two_of_three
    union all by name select 'N5' as rule_id, * from two_of_three
    union all by name select 'WE3' as rule_id, * from four_of_five
    union all by name select 'N6' as rule_id, * from four_of_five
    union all by name select 'WE4' as rule_id, * from eight_one_side
    union all by name select 'N2' as rule_id, * from nine_one_side
    union all by name select 'N3' as rule_id, * from six_trending
    union all by name select 'N4' as rule_id, * from fourteen_alternating
    union all by name select 'N7' as rule_id, * from fifteen_hugging
    union all by name select 'N8' as rule_id, * from eight_avoiding
),

final as (
    select p.kpi_id,
           p.department_code,
           p.rule_id,
           p.iso_week,
           p.week_start,
           p.point_number,
           p.phase,
           p.chart_type,
           p.side,
           p.signal_points,
           p.plotted_value,
           p.centre_line,
           p.upper_control_limit,
           p.lower_control_limit,
           p.z_score,
           p.load_ids
    from patterns as p
    join dim_control_chart_rule as r using (kpi_id, rule_id)
)

select * from final;

-- What each column means, for analysts reading the warehouse (DuckDB CLI, DBeaver) and for
-- docs/data-dictionary.md.
comment on table fct_spc_signal is 'Every run-rule signal on every control chart, in both phases; one row per charted KPI, department, rule and point at which it fires.';
comment on column fct_spc_signal.kpi_id is 'The catalogue KPI (kpis.yml).';
comment on column fct_spc_signal.department_code is 'The department (departments.yml).';
comment on column fct_spc_signal.rule_id is 'The run rule: WE1-WE4 (Western Electric) or N1-N8 (Nelson).';
comment on column fct_spc_signal.iso_week is 'The ISO week of the point that completes the pattern.';
comment on column fct_spc_signal.week_start is 'Its Monday.';
comment on column fct_spc_signal.point_number is 'The point''s number in the series, from 1.';
comment on column fct_spc_signal.phase is 'I (baseline) or II (judged against the baseline''s limits). A phase-I week that the limits leave out (beyond the limits of the whole baseline: fct_spc_chart.excluded_baseline_weeks) is a WE1 / N1 signal.';
comment on column fct_spc_signal.chart_type is 'The control chart: individuals, xbar_r, p, c or u.';
comment on column fct_spc_signal.side is 'above / below the centre line, up / down (N3), or both (N4, N7, N8).';
comment on column fct_spc_signal.signal_points is 'The points making the pattern.';
comment on column fct_spc_signal.plotted_value is 'The value plotted at this point.';
comment on column fct_spc_signal.centre_line is 'The control chart''s centre line (phase I, without the weeks it leaves out as out of control).';
comment on column fct_spc_signal.upper_control_limit is 'Upper control limit (centre line + 3 sigma, phase I, without the weeks left out).';
comment on column fct_spc_signal.lower_control_limit is 'Lower control limit (centre line - 3 sigma, phase I, without the weeks left out).';
comment on column fct_spc_signal.z_score is 'The point''s distance from the centre line in sigmas.';
comment on column fct_spc_signal.load_ids is 'The loads the point was computed from.';
