-- fct_compliance_mirage: an audit or compliance score stays at or above its floor in every
-- week of a window while a KPI the field feels (complaints, scrap, rework) rises significantly
-- over the same window (Mann-Kendall, int_kpi_trend, as dim_compliance_mirage configures).
-- Every window end where both hold counts; one finding covers them all, with the first
-- window's figures as evidence.
-- Grain: one row per mirage, score department, watched KPI and watched department.
create or replace table fct_compliance_mirage as
with

mirages as (
    select m.*, w.watch_kpi_id from dim_compliance_mirage as m
    join dim_compliance_mirage_watch as w using (mirage_id)
),

rising as (
    select m.mirage_id, m.score_kpi_id, m.score_floor, m.severity, m.watch_kpi_id,
           t.department_code as watch_department_code,
           t.start_week, t.start_week_start, t.end_week, t.end_week_start,
           t.p_value, t.slope, t.point_count, t.load_ids
    from mirages as m
    join int_kpi_trend as t
      on t.kpi_id = m.watch_kpi_id and t.window_weeks = m.window_weeks and t.significance = m.significance
    where t.is_significant and t.direction = 'up'
),

scored as (
    select r.*,
           s.department_code                  as department_code,
           count(s.value)                     as score_weeks,
           min(s.value)                       as lowest_score,
           avg(s.value)                       as mean_score,
           list_sort(list_distinct(flatten(list(s.load_ids)))) as score_load_ids
    from rising as r
    join int_kpi_series_weekly as s
      on s.kpi_id = r.score_kpi_id and s.week_start between r.start_week_start and r.end_week_start
     and s.value is not null
    group by all
    having min(s.value) >= r.score_floor
),

grouped as (
    select mirage_id, department_code, watch_kpi_id, watch_department_code,
           any_value(score_kpi_id)                 as score_kpi_id,
           any_value(score_floor)                  as score_floor,
           any_value(severity)                     as severity,
           count(*)                                as window_count,
           min(start_week_start)                   as period_start,
           max(end_week_start) + 6                 as period_end,
           arg_min(start_week, end_week_start)     as first_window_start_week,
           arg_min(end_week, end_week_start)       as first_window_end_week,
           arg_max(end_week, end_week_start)       as last_window_end_week,
           arg_min(p_value, end_week_start)        as first_p_value,
           arg_min(slope, end_week_start)          as first_slope,
           arg_min(lowest_score, end_week_start)   as first_lowest_score,
           min(lowest_score)                       as lowest_score,
           list_sort(list_distinct(flatten(list(load_ids) || list(score_load_ids)))) as load_ids
    from scored
    group by mirage_id, department_code, watch_kpi_id, watch_department_code
),

final as (
    select g.mirage_id || '/' || g.department_code || '/' || g.watch_kpi_id || '/' || g.watch_department_code
                                                   as finding_key,
           'compliance_mirage'                     as finding_type,
           g.severity,
           g.department_code,
           g.score_kpi_id                          as kpi_id,
           g.period_start,
           g.period_end,
           g.first_window_start_week || ' .. ' || g.last_window_end_week as period_label,
           sk.owner_role,
           g.mirage_id,
           g.watch_kpi_id,
           g.watch_department_code,
           g.score_floor,
           g.lowest_score,
           g.window_count,
           g.first_window_start_week,
           g.first_window_end_week,
           g.last_window_end_week,
           'Mann-Kendall (two-sided) with Theil-Sen slope' as trend_test,
           g.first_p_value,
           g.first_slope,
           sk.kpi_name || ' stayed at or above ' || g.score_floor::varchar || ' (lowest '
               || round(g.first_lowest_score, 2)::varchar || ') over ' || g.first_window_start_week || ' .. '
               || g.first_window_end_week || ' while ' || lower(wk.kpi_name) || ' rose significantly (Mann-Kendall p = '
               || round(g.first_p_value, 4)::varchar || ', Theil-Sen slope +' || round(g.first_slope, 4)::varchar
               || ' a week); the same held for ' || g.window_count || ' window'
               || case when g.window_count > 1 then 's' else '' end || ' up to ' || g.last_window_end_week || '.'
                                                   as evidence,
           g.load_ids,
           (select config_version from run_context) as config_version
    from grouped as g
    join dim_kpi as sk on sk.kpi_id = g.score_kpi_id
    join dim_kpi as wk on wk.kpi_id = g.watch_kpi_id
)

select * from final
