-- fct_threshold_projection: where a charted KPI's trend over its latest window is significant
-- (Mann-Kendall, int_kpi_trend) and heads for the wrong side of its threshold, the date the
-- Theil-Sen line crosses it. The threshold is the policy in force on the KPI at the window's
-- end (the latest version; a floor for >= and >, a ceiling for <= and <), or the KPI's target
-- where no policy covers it. The interval runs the slope's confidence limits through the
-- fitted level at the last week; an open end (null) means that limit never reaches the
-- threshold. A line already past the threshold is reported with its (past) crossing date.
-- Grain: one row per charted KPI and department whose latest trend is significant and adverse.
create or replace table fct_threshold_projection as
with

latest_trends as (
    select t.*
    from int_kpi_trend as t
    join dim_control_chart as c
      on c.kpi_id = t.kpi_id and c.trend_window_weeks = t.window_weeks and c.trend_significance = t.significance
    qualify t.end_week_start = max(t.end_week_start) over (partition by t.kpi_id, t.department_code)
),

policy_in_force as (
    select t.kpi_id, t.department_code,
           arg_max(p.policy_id, p.effective_from)  as policy_id,
           arg_max(p.threshold, p.effective_from)  as threshold,
           arg_max(p.comparator, p.effective_from) as comparator
    from latest_trends as t
    join dim_policy as p
      on p.kpi_id = t.kpi_id and p.effective_from <= t.end_week_start
     and (p.effective_to is null or p.effective_to >= t.end_week_start)
    group by all
),

thresholds as (
    select t.*,
           k.kpi_name,
           k.owner_role,
           k.unit,
           p.policy_id                     as threshold_policy_id,
           coalesce(p.threshold, k.target) as threshold,
           case when p.policy_id is not null then 'policy ' || p.policy_id else 'KPI target' end as threshold_source,
           case
               when p.comparator in ('>=', '>') then 'down'
               when p.comparator in ('<=', '<') then 'up'
               when p.comparator = '=' then case when t.level_at_end < p.threshold then 'up' else 'down' end
               when k.direction = 'higher_is_better' then 'down'
               else 'up'
           end as adverse_direction
    from latest_trends as t
    join dim_kpi as k using (kpi_id)
    left join policy_in_force as p using (kpi_id, department_code)
),

crossing as (
    select *,
           (threshold - level_at_end) / slope as weeks_to_cross,
           (end_week_start + round((threshold - level_at_end) / slope * 7)::integer)::date as crossing_date,
           case when sign(slope_low) = sign(slope) then (threshold - level_at_end) / slope_low end  as weeks_to_cross_a,
           case when sign(slope_high) = sign(slope) then (threshold - level_at_end) / slope_high end as weeks_to_cross_b
    from thresholds
    where is_significant and direction = adverse_direction and slope <> 0
),

-- The steeper limit reaches a threshold ahead sooner; a limit sloping the other way never
-- does (an open late end), or, for a threshold already behind, never did (an open early end).
projected as (
    select *,
           case when weeks_to_cross_a is not null and weeks_to_cross_b is not null
                    then least(weeks_to_cross_a, weeks_to_cross_b)
                when weeks_to_cross > 0 then coalesce(weeks_to_cross_a, weeks_to_cross_b)
           end as earliest_weeks,
           case when weeks_to_cross_a is not null and weeks_to_cross_b is not null
                    then greatest(weeks_to_cross_a, weeks_to_cross_b)
                when weeks_to_cross <= 0 then coalesce(weeks_to_cross_a, weeks_to_cross_b)
           end as latest_weeks,
           -- past by the data (the line was beyond the threshold at its last week), or by the
           -- calendar: a crossing projected between the last week with data and the as-of date
           -- has, by the line, happened, and is told so
           weeks_to_cross <= 0 or crossing_date < (select as_of_date from run_context) as is_past
    from crossing
),

final as (
    select kpi_id || '/' || department_code as finding_key,
           'threshold_projection'           as finding_type,
           case when is_past then 'high' else 'medium' end as severity,
           department_code,
           kpi_id,
           start_week_start                 as period_start,
           end_week_start + 6               as period_end,
           start_week || ' .. ' || end_week as period_label,
           owner_role,
           threshold,
           threshold_source,
           'Mann-Kendall (two-sided) with Theil-Sen slope' as trend_test,
           point_count                      as window_weeks,
           significance,
           s_statistic,
           p_value,
           slope,
           slope_low,
           slope_high,
           level_at_end,
           is_past                          as is_already_past,
           crossing_date                    as projected_crossing_date,
           (end_week_start + round(earliest_weeks * 7)::integer)::date
                                            as projected_crossing_earliest,
           (end_week_start + round(latest_weeks * 7)::integer)::date
                                            as projected_crossing_latest,
           -- the direction is in words, so the slope's size without its sign ("down by 0.28", not "by -0.28")
           kpi_name || ' trends ' || direction || ' by ' || round(abs(slope), 4)::varchar || ' a week over '
               || start_week || ' .. ' || end_week || ' (Mann-Kendall p '
               || case when p_value < 0.0001 then '< 0.0001' else '= ' || round(p_value, 4)::varchar end
               || '); the Theil-Sen line ' || case when is_past then 'crossed ' else 'crosses ' end
               || threshold_source || ' (' || threshold::varchar || ') on '
               || strftime(crossing_date, '%Y-%m-%d') || '.'
                                            as evidence,
           -- the same sentence for the report, in its language (reports/i18n); a percentage's
           -- slope is in percentage points
           case when threshold_policy_id is not null then 'evidence.threshold_projection.policy'
                else 'evidence.threshold_projection.target' end as evidence_key,
           json_array(kpi_name, json_object('word', 'evidence.trend.' || direction),
                      json_object('value', abs(slope), 'unit', case when unit = 'percent' then 'points' else unit end),
                      start_week, end_week, p_value, case when is_past then 1 else 0 end,
                      threshold_policy_id, json_object('value', threshold, 'unit', unit),
                      json_object('date', crossing_date))::varchar
                                            as evidence_args,
           load_ids,
           (select config_version from run_context) as config_version
    from projected
)

select * from final;

-- What each column means, for analysts reading the warehouse (DuckDB CLI, DBeaver) and for
-- docs/data-dictionary.md.
comment on table fct_threshold_projection is 'Where a charted KPI''s latest trend is significant and adverse, the date its Theil-Sen line crosses the threshold; one row per charted KPI and department.';
comment on column fct_threshold_projection.finding_key is 'Stable key of the finding within its type: the same problem has the same key in every run (fct_finding prefixes it with the type).';
comment on column fct_threshold_projection.finding_type is 'threshold_projection.';
comment on column fct_threshold_projection.severity is 'low, medium, high or critical.';
comment on column fct_threshold_projection.department_code is 'The department (departments.yml).';
comment on column fct_threshold_projection.kpi_id is 'The catalogue KPI (kpis.yml).';
comment on column fct_threshold_projection.period_start is 'First day of the period the finding describes.';
comment on column fct_threshold_projection.period_end is 'Last day of the period the finding describes.';
comment on column fct_threshold_projection.period_label is 'The period as people say it (2025-W31, 2025-07, FY2025-P07, or a range of weeks).';
comment on column fct_threshold_projection.owner_role is 'The role accountable (roles.yml).';
comment on column fct_threshold_projection.threshold is 'The threshold the line is projected to: the policy''s, or the KPI''s target.';
comment on column fct_threshold_projection.threshold_source is 'Where the threshold comes from (the policy, or the KPI''s target).';
comment on column fct_threshold_projection.trend_test is 'The trend test used.';
comment on column fct_threshold_projection.window_weeks is 'Weeks in the trend window.';
comment on column fct_threshold_projection.significance is 'The trend test''s significance level (e.g. 0.05).';
comment on column fct_threshold_projection.s_statistic is 'The Mann-Kendall S statistic.';
comment on column fct_threshold_projection.p_value is 'The Mann-Kendall p-value (two-sided).';
comment on column fct_threshold_projection.slope is 'The Theil-Sen slope, per week.';
comment on column fct_threshold_projection.slope_low is 'The slope''s lower confidence limit.';
comment on column fct_threshold_projection.slope_high is 'The slope''s upper confidence limit.';
comment on column fct_threshold_projection.level_at_end is 'The fitted level at the window''s last week.';
comment on column fct_threshold_projection.is_already_past is 'The line has already crossed the threshold: at its last week with data, or on a date before the as-of date.';
comment on column fct_threshold_projection.projected_crossing_date is 'When the line crosses the threshold.';
comment on column fct_threshold_projection.projected_crossing_earliest is 'The earliest crossing within the slope''s confidence interval; null for an open end.';
comment on column fct_threshold_projection.projected_crossing_latest is 'The latest crossing within the slope''s confidence interval; null for an open end.';
comment on column fct_threshold_projection.evidence is 'One sentence with the figures behind the finding, in English (the report prints it in its own language from evidence_key and evidence_args).';
comment on column fct_threshold_projection.evidence_key is 'The sentence''s message key in the report''s words (reports/i18n), which prints it in the report''s language.';
comment on column fct_threshold_projection.evidence_args is 'The sentence''s figures and names for evidence_key, a JSON array in the order of its placeholders.';
comment on column fct_threshold_projection.load_ids is 'The loads (load_audit.load_id) whose rows the finding was computed from.';
comment on column fct_threshold_projection.config_version is 'The governance config version (SHA-256 of the files) the run used; its files: v_config_version.';
