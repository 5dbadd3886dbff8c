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
           plumbline_avg(s.value)             as mean_score,
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
           -- the same sentence for the report, in its language (reports/i18n); the watched KPI's
           -- name twice, as configured and in lower case, for languages that write it either way
           'evidence.compliance_mirage'            as evidence_key,
           json_array(sk.kpi_name, json_object('value', g.score_floor, 'unit', sk.unit),
                      json_object('value', g.first_lowest_score, 'unit', sk.unit),
                      g.first_window_start_week, g.first_window_end_week, wk.kpi_name, lower(wk.kpi_name),
                      g.first_p_value,
                      json_object('value', g.first_slope,
                                  'unit', case when wk.unit = 'percent' then 'points' else wk.unit end),
                      g.window_count, g.last_window_end_week)::varchar as evidence_args,
           g.load_ids,
           (select config_version from run_context) as config_version
    from grouped as g
    join dim_kpi as sk on sk.kpi_id = g.score_kpi_id
    join dim_kpi as wk on wk.kpi_id = g.watch_kpi_id
)

select * from final;

-- What each column means, for analysts reading the warehouse (DuckDB CLI, DBeaver) and for
-- docs/data-dictionary.md.
comment on table fct_compliance_mirage is 'An audit or compliance score holds its floor while a field KPI rises significantly over the same window; one row per mirage, score department, watched KPI and watched department.';
comment on column fct_compliance_mirage.finding_key is 'Stable key of the finding within its type: the same problem has the same key in every run (fct_finding prefixes it with the type).';
comment on column fct_compliance_mirage.finding_type is 'compliance_mirage.';
comment on column fct_compliance_mirage.severity is 'low, medium, high or critical.';
comment on column fct_compliance_mirage.department_code is 'The department whose score holds.';
comment on column fct_compliance_mirage.kpi_id is 'The score KPI.';
comment on column fct_compliance_mirage.period_start is 'First day of the period the finding describes.';
comment on column fct_compliance_mirage.period_end is 'Last day of the period the finding describes.';
comment on column fct_compliance_mirage.period_label is 'The period as people say it (2025-W31, 2025-07, FY2025-P07, or a range of weeks).';
comment on column fct_compliance_mirage.owner_role is 'The role accountable (roles.yml).';
comment on column fct_compliance_mirage.mirage_id is 'The compliance mirage check (insights.yml: compliance_mirages).';
comment on column fct_compliance_mirage.watch_kpi_id is 'The field KPI watched for a rise (complaints, scrap, rework).';
comment on column fct_compliance_mirage.watch_department_code is 'The department whose watched KPI rises.';
comment on column fct_compliance_mirage.score_floor is 'The score that must hold in every week of the window.';
comment on column fct_compliance_mirage.lowest_score is 'The lowest score over all windows found.';
comment on column fct_compliance_mirage.window_count is 'How many window ends show the mirage.';
comment on column fct_compliance_mirage.first_window_start_week is 'First week of the first window found.';
comment on column fct_compliance_mirage.first_window_end_week is 'Last week of the first window found.';
comment on column fct_compliance_mirage.last_window_end_week is 'Last week of the last window found.';
comment on column fct_compliance_mirage.trend_test is 'The trend test used.';
comment on column fct_compliance_mirage.first_p_value is 'Mann-Kendall p-value of the rise in the first window.';
comment on column fct_compliance_mirage.first_slope is 'Theil-Sen slope (per week) of the rise in the first window.';
comment on column fct_compliance_mirage.evidence is 'One sentence with the figures behind the finding, in English (the report prints it in its own language from evidence_key and evidence_args).';
comment on column fct_compliance_mirage.evidence_key is 'The sentence''s message key in the report''s words (reports/i18n), which prints it in the report''s language.';
comment on column fct_compliance_mirage.evidence_args is 'The sentence''s figures and names for evidence_key, a JSON array in the order of its placeholders.';
comment on column fct_compliance_mirage.load_ids is 'The loads (load_audit.load_id) whose rows the finding was computed from.';
comment on column fct_compliance_mirage.config_version is 'The governance config version (SHA-256 of the files) the run used; its files: v_config_version.';
