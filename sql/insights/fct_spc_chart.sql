-- fct_spc_chart: every department's series of a KPI on a control chart, whether its limits
-- are drawn, and where they are not, why, in one sentence (int_spc_point.chart_status says how
-- each case is treated). A series that cannot be charted is listed here and in the report's
-- control chart section rather than left out, so a missing early warning is never mistaken for
-- a quiet process. For a baseline that never varied it also gives the weeks that departed from
-- its level, either way (fct_early_warning warns of those on the adverse side). Where baseline
-- weeks were out of control and left out of the centre line and limits (int_spc_point:
-- excluded_from_baseline), it names them, for a drawn chart too, so a reader knows the limits
-- rest on the other weeks. The sentence says they lay beyond the limits all the baseline's
-- weeks gave (the trial limits); they also lay beyond the limits revised without them.
-- Grain: one row per charted KPI and department.
create or replace table fct_spc_chart as
with

points as (
    select * from int_spc_point
),

charts as (
    select kpi_id,
           strftime(baseline_from, '%G-W%V') as baseline_from_week,
           strftime(baseline_to, '%G-W%V')   as baseline_to_week
    from dim_control_chart
),

series as (
    select kpi_id,
           department_code,
           any_value(chart_type)                                                        as chart_type,
           any_value(chart_status)                                                      as chart_status,
           any_value(plotted_unit)                                                      as plotted_unit,
           any_value(baseline_points)                                                   as baseline_points,
           any_value(excluded_baseline_points)                                          as excluded_baseline_points,
           coalesce(list(iso_week order by week_start) filter (where excluded_from_baseline), [])
                                                                                        as excluded_baseline_weeks,
           any_value(min_baseline_points)                                               as min_baseline_points,
           any_value(centre_line)                                                       as centre_line,
           count(*) filter (where departs_from_steady_baseline)                         as departure_count,
           arg_min(iso_week, week_start) filter (where departs_from_steady_baseline)      as first_departure_week,
           arg_min(plotted_value, week_start) filter (where departs_from_steady_baseline) as first_departure_value,
           arg_max(iso_week, week_start) filter (where departs_from_steady_baseline)      as last_departure_week
    from points
    group by kpi_id, department_code
),

-- The weeks left out, for the sentences, and how many weeks the limits rest on.
described as (
    select *,
           array_to_string(excluded_baseline_weeks, ', ')                      as excluded_weeks_text,
           baseline_points - excluded_baseline_points                          as limit_points
    from series
),

final as (
    select s.kpi_id,
           s.department_code,
           s.chart_type,
           s.chart_status,
           s.plotted_unit,
           c.baseline_from_week,
           c.baseline_to_week,
           s.baseline_points,
           s.excluded_baseline_points,
           s.excluded_baseline_weeks,
           s.min_baseline_points,
           s.centre_line,
           s.departure_count,
           s.first_departure_week,
           s.first_departure_value,
           s.last_departure_week,
           case s.chart_status
               when 'drawn' then
                   case when s.excluded_baseline_points > 0 then
                       'The centre line and limits rest on ' || s.limit_points || ' of the ' || s.baseline_points
                       || ' weekly points of the baseline ' || c.baseline_from_week || ' .. ' || c.baseline_to_week
                       || ': ' || case when s.excluded_baseline_points = 1
                                       then s.excluded_weeks_text || ' lay beyond the limits that all '
                                            || s.baseline_points || ' gave and is left out as out of control; it is'
                                       else s.excluded_baseline_points || ' weeks (' || s.excluded_weeks_text
                                            || ') lay beyond the limits that all ' || s.baseline_points
                                            || ' gave and are left out as out of control; they are' end
                       || ' still plotted and marked.'
                   end
               when 'too_few_baseline_points' then
                   'The baseline ' || c.baseline_from_week || ' .. ' || c.baseline_to_week || ' holds '
                   || case s.baseline_points when 0 then 'no weekly point' when 1 then '1 weekly point'
                           else s.baseline_points || ' weekly points' end
                   || case when s.excluded_baseline_points > 0 then
                           ', but ' || s.excluded_weeks_text || ' lay beyond the limits they gave and '
                           || case when s.excluded_baseline_points = 1 then 'is' else 'are' end
                           || ' left out as out of control, leaving ' || s.limit_points
                      else '' end
                   || '; at least ' || s.min_baseline_points || ' are needed for control limits, so the chart is'
                   || ' not drawn and no run rule applies.'
               when 'steady_baseline' then
                   'The baseline ' || c.baseline_from_week || ' .. ' || c.baseline_to_week || ' never varied ('
                   || round(s.centre_line, 4)::varchar || ' in each of its ' || s.limit_points || ' weeks'
                   || case when s.excluded_baseline_points > 0 then
                           ', leaving out ' || s.excluded_weeks_text || ', which lay beyond the limits of the whole'
                           || ' baseline and ' || case when s.excluded_baseline_points = 1 then 'is' else 'are' end
                           || ' marked as out of control'
                      else '' end
                   || '), so the chart has no control limits and no run rule applies; '
                   || case when s.departure_count = 0 then 'no later week has departed from it.'
                           else 'the first week to depart from it was ' || s.first_departure_week || ', at '
                                || round(s.first_departure_value, 4)::varchar || ', and ' || s.departure_count
                                || case when s.departure_count = 1 then ' week' else ' weeks' end
                                || ' departed up to ' || s.last_departure_week || '.' end
               when 'no_baseline_spread' then
                   'The baseline ' || c.baseline_from_week || ' .. ' || c.baseline_to_week || ' shows no spread'
                   || ' within its weeks (every week''s values are alike, or a week holds a single value'
                   || case when s.excluded_baseline_points > 0 then
                           '; ' || s.excluded_weeks_text || ', beyond the limits of the whole baseline, '
                           || case when s.excluded_baseline_points = 1 then 'is' else 'are' end
                           || ' left out as out of control'
                      else '' end
                   || '), so control limits cannot be set; the chart is not drawn and no run rule applies.'
           end                                                      as note,
           -- the same sentence for the report, in its language (reports/i18n)
           case s.chart_status
               when 'drawn' then
                   case when s.excluded_baseline_points > 0 then 'evidence.control_chart.baseline_points_excluded' end
               when 'too_few_baseline_points' then 'evidence.control_chart.too_few_baseline_points'
               when 'steady_baseline'         then 'evidence.control_chart.steady_baseline'
               when 'no_baseline_spread'      then 'evidence.control_chart.no_baseline_spread'
           end                                                      as note_key,
           case s.chart_status
               when 'drawn' then
                   case when s.excluded_baseline_points > 0 then
                       json_array(c.baseline_from_week, c.baseline_to_week, s.baseline_points,
                                  s.excluded_baseline_points, s.excluded_weeks_text, s.limit_points)
                   end
               when 'too_few_baseline_points' then
                   json_array(c.baseline_from_week, c.baseline_to_week, s.baseline_points, s.min_baseline_points,
                              s.excluded_baseline_points, s.excluded_weeks_text, s.limit_points)
               when 'steady_baseline' then
                   json_array(c.baseline_from_week, c.baseline_to_week,
                              json_object('value', s.centre_line, 'unit', s.plotted_unit), s.limit_points,
                              s.departure_count, s.first_departure_week,
                              json_object('value', s.first_departure_value, 'unit', s.plotted_unit),
                              s.last_departure_week, s.excluded_baseline_points, s.excluded_weeks_text)
               when 'no_baseline_spread' then
                   json_array(c.baseline_from_week, c.baseline_to_week, s.excluded_baseline_points,
                              s.excluded_weeks_text)
           end::varchar                                             as note_args,
           (select config_version from run_context)                 as config_version
    from described as s
    join charts as c using (kpi_id)
)

select * from final;

-- What each column means, for analysts reading the warehouse (DuckDB CLI, DBeaver) and for
-- docs/data-dictionary.md.
comment on table fct_spc_chart is 'Every department''s series of a KPI on a control chart: whether its limits are drawn and, where not, why, and which baseline weeks, out of control, the limits leave out; one row per charted KPI and department.';
comment on column fct_spc_chart.kpi_id is 'The catalogue KPI (kpis.yml).';
comment on column fct_spc_chart.department_code is 'The department (departments.yml).';
comment on column fct_spc_chart.chart_type is 'The control chart: individuals, xbar_r, p, c or u.';
comment on column fct_spc_chart.chart_status is 'drawn (limits drawn, run rules applied); too_few_baseline_points (fewer than min_baseline_points in the baseline, or left in it once its out-of-control weeks are left out: not charted); steady_baseline (the baseline never varied, apart from any weeks left out, sigma 0: no limits, no run rules, departures from its level reported instead); no_baseline_spread (an x-bar/R baseline without ranges: not charted).';
comment on column fct_spc_chart.plotted_unit is 'The unit of the plotted figures: proportion (p chart), count (c chart), none (u chart, a rate per unit), else the KPI''s unit.';
comment on column fct_spc_chart.baseline_from_week is 'The ISO week the baseline (phase I) starts in (insights.yml).';
comment on column fct_spc_chart.baseline_to_week is 'The ISO week the baseline ends in.';
comment on column fct_spc_chart.baseline_points is 'Weekly points the series has in the baseline, those left out included.';
comment on column fct_spc_chart.excluded_baseline_points is 'Baseline weeks left out of the centre line and limits as out of control (an assignable cause): beyond the trial limits that all the baseline''s weeks gave, and beyond the limits revised without the weeks beyond them (a week only the other weeks pushed outside is taken back in). The limits are those of the other weeks; the weeks left out are still plotted and still signals. 0 where none was, or where the baseline gave no limits to be beyond.';
comment on column fct_spc_chart.excluded_baseline_weeks is 'The ISO weeks left out (excluded_baseline_points), in order; empty where none was.';
comment on column fct_spc_chart.min_baseline_points is 'Weekly points the chart needs in the baseline (insights.yml: min_baseline_points, default 20).';
comment on column fct_spc_chart.centre_line is 'The centre line: the mean of the baseline''s weeks that were not left out (p and u: pooled rate), or the level of a baseline that never varied; null where the chart is not drawn.';
comment on column fct_spc_chart.departure_count is 'For a baseline that never varied: the later weeks off its level, on either side; 0 otherwise.';
comment on column fct_spc_chart.first_departure_week is 'The first week off the level of a baseline that never varied.';
comment on column fct_spc_chart.first_departure_value is 'The value plotted in that week.';
comment on column fct_spc_chart.last_departure_week is 'The last week off that level.';
comment on column fct_spc_chart.note is 'Why the chart is not drawn as a control chart, or, for one that is, which baseline weeks its limits leave out, in one English sentence (the report prints it in its own language from note_key and note_args); null where it is drawn from every baseline week.';
comment on column fct_spc_chart.note_key is 'The sentence''s message key in the report''s words (reports/i18n).';
comment on column fct_spc_chart.note_args is 'The sentence''s figures for note_key, a JSON array in the order of its placeholders.';
comment on column fct_spc_chart.config_version is 'The governance config version (SHA-256 of the files) the run used; its files: v_config_version.';
