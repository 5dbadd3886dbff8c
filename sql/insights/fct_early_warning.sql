-- fct_early_warning: a KPI's control chart signals, after its baseline, that the process has
-- changed for the worse. Signals on the favourable side (complaints below the centre line) are
-- not warnings and are left out (they stay in fct_spc_signal); patterns without a side (N4
-- zig-zag, N7 hugging, N8 avoiding the centre) are kept as low-severity warnings.
-- A chart whose baseline never varied (int_spc_point: steady_baseline) has no limits and no run
-- rules; its later weeks off the steady level on the adverse side are one warning with the rule
-- 'departure', from the first such week: the process certainly changed, but how far cannot be
-- told in sigmas, so it reads as a departure, never as a limit breach. A chart whose baseline
-- is too short has no warnings at all; fct_spc_chart lists it.
-- Severity: a point beyond 3 sigma (WE1, N1) is high, other adverse patterns and departures
-- medium.
-- Grain: one row per charted KPI, department and rule (or departure) that fires in phase II.
create or replace table fct_early_warning as
with

signals as (
    select * from fct_spc_signal where phase = 'II'
),

departures as (
    select kpi_id, department_code, 'departure' as rule_id, iso_week, week_start, phase, chart_type,
           case when plotted_value > centre_line then 'above' else 'below' end as side,
           [iso_week] as signal_points, plotted_value, centre_line, upper_control_limit, lower_control_limit,
           z_score, load_ids
    from int_spc_point
    where departs_from_steady_baseline
),

charts as (
    select * from fct_spc_chart
),

rule_names as (
    select * from (values
        ('WE1', 'one point beyond 3 sigma'),
        ('WE2', 'two of three points beyond 2 sigma'),
        ('WE3', 'four of five points beyond 1 sigma'),
        ('WE4', 'eight points in a row on one side of the centre line'),
        ('N1',  'one point beyond 3 sigma'),
        ('N2',  'nine points in a row on one side of the centre line'),
        ('N3',  'six points in a row steadily rising or falling'),
        ('N4',  'fourteen points in a row alternating up and down'),
        ('N5',  'two of three points beyond 2 sigma'),
        ('N6',  'four of five points beyond 1 sigma'),
        ('N7',  'fifteen points in a row within 1 sigma'),
        ('N8',  'eight points in a row beyond 1 sigma on both sides'),
        ('departure', 'a departure from a baseline that never varied')
    ) as t(rule_id, rule_name)
),

adverse as (
    select s.*,
           k.owner_role,
           k.kpi_name,
           k.unit,
           case
               when s.side = 'both' then 'low'
               when s.rule_id in ('WE1', 'N1') then 'high'
               else 'medium'
           end as severity
    from (select * from signals union all by name select * from departures) as s
    join dim_kpi as k using (kpi_id)
    where s.side = 'both'
       or (k.direction = 'lower_is_better' and s.side in ('above', 'up'))
       or (k.direction = 'higher_is_better' and s.side in ('below', 'down'))
),

grouped as (
    select kpi_id,
           department_code,
           rule_id,
           any_value(kpi_name)                                 as kpi_name,
           any_value(owner_role)                               as owner_role,
           any_value(severity)                                 as severity,
           any_value(chart_type)                               as chart_type,
           count(*)                                            as signal_count,
           min(week_start)                                     as first_signal_week_start,
           max(week_start)                                     as last_signal_week_start,
           arg_min(iso_week, week_start)                       as first_signal_week,
           arg_max(iso_week, week_start)                       as last_signal_week,
           arg_min(signal_points, week_start)                  as first_signal_points,
           arg_min(side, week_start)                           as side,
           arg_min(plotted_value, week_start)                  as first_signal_value,
           any_value(centre_line)                              as centre_line,
           arg_min(upper_control_limit, week_start)            as upper_control_limit,
           arg_min(lower_control_limit, week_start)            as lower_control_limit,
           list_sort(list_distinct(flatten(list(load_ids))))   as load_ids
    from adverse
    group by kpi_id, department_code, rule_id
),

final as (
    select kpi_id || '/' || department_code || '/' || rule_id as finding_key,
           'early_warning'                                     as finding_type,
           g.severity,
           g.department_code,
           g.kpi_id,
           g.first_signal_week_start                           as period_start,
           g.last_signal_week_start + 6                        as period_end,
           g.first_signal_week || case when g.signal_count > 1 then ' .. ' || g.last_signal_week else '' end
                                                               as period_label,
           g.owner_role,
           g.rule_id,
           r.rule_name,
           g.chart_type,
           g.side,
           g.first_signal_week,
           g.first_signal_points,
           g.last_signal_week,
           g.signal_count,
           g.first_signal_value,
           g.centre_line,
           g.upper_control_limit,
           g.lower_control_limit,
           case when g.rule_id = 'departure' then
               g.kpi_name || ' (' || g.chart_type || ' chart): the baseline ' || c.baseline_from_week || ' .. '
               || c.baseline_to_week || ' never varied (' || round(g.centre_line, 4)::varchar || ' in each of its '
               -- the weeks the level rests on: a baseline week beyond the limits of the whole baseline
               -- is left out of it (int_spc_point), and fct_spc_chart's note names it
               || (c.baseline_points - c.excluded_baseline_points) || ' weeks), so it has no control limits and no'
               || ' run rule applies; the first week to depart from it was ' || g.first_signal_week || ', at '
               || round(g.first_signal_value, 4)::varchar
               || ', and ' || g.signal_count || ' week' || case when g.signal_count > 1 then 's' else '' end
               || ' departed up to ' || g.last_signal_week || '.'
           else
               g.kpi_name || ' (' || g.chart_type || ' chart): ' || r.rule_name || ' (' || g.rule_id || ') first in '
               || g.first_signal_week || ', at ' || round(g.first_signal_value, 4)::varchar
               || ' against a centre line of ' || round(g.centre_line, 4)::varchar
               || ' and limits ' || round(g.lower_control_limit, 4)::varchar || ' to '
               || round(g.upper_control_limit, 4)::varchar || ' (points ' || array_to_string(g.first_signal_points, ', ')
               || '); it fired in ' || g.signal_count || ' week' || case when g.signal_count > 1 then 's' else '' end
               || ' up to ' || g.last_signal_week || '.'
           end                                                 as evidence,
           -- the same sentence for the report, in its language (reports/i18n)
           case when g.rule_id = 'departure' then 'evidence.early_warning.departure'
                else 'evidence.early_warning' end              as evidence_key,
           case when g.rule_id = 'departure' then
               json_array(g.kpi_name, json_object('word', 'evidence.chart.' || g.chart_type), c.baseline_from_week,
                          c.baseline_to_week, json_object('value', g.centre_line, 'unit', c.plotted_unit),
                          c.baseline_points - c.excluded_baseline_points, g.first_signal_week,
                          json_object('value', g.first_signal_value, 'unit', c.plotted_unit), g.signal_count,
                          g.last_signal_week)
           else
               json_array(g.kpi_name, json_object('word', 'evidence.chart.' || g.chart_type),
                          json_object('word', 'evidence.rule.' || g.rule_id), g.rule_id, g.first_signal_week,
                          json_object('value', g.first_signal_value, 'unit', c.plotted_unit),
                          json_object('value', g.centre_line, 'unit', c.plotted_unit),
                          json_object('value', g.lower_control_limit, 'unit', c.plotted_unit),
                          json_object('value', g.upper_control_limit, 'unit', c.plotted_unit),
                          array_to_string(g.first_signal_points, ', '), g.signal_count, g.last_signal_week)
           end::varchar                                        as evidence_args,
           g.load_ids,
           (select config_version from run_context)            as config_version
    from grouped as g
    join rule_names as r using (rule_id)
    join charts as c using (kpi_id, department_code)
)

select * from final;

-- What each column means, for analysts reading the warehouse (DuckDB CLI, DBeaver) and for
-- docs/data-dictionary.md.
comment on table fct_early_warning is 'A KPI''s control chart signals, after its baseline, that the process changed for the worse; one row per charted KPI, department and rule that fires.';
comment on column fct_early_warning.finding_key is 'Stable key of the finding within its type: the same problem has the same key in every run (fct_finding prefixes it with the type).';
comment on column fct_early_warning.finding_type is 'early_warning.';
comment on column fct_early_warning.severity is 'low, medium, high or critical.';
comment on column fct_early_warning.department_code is 'The department (departments.yml).';
comment on column fct_early_warning.kpi_id is 'The catalogue KPI (kpis.yml).';
comment on column fct_early_warning.period_start is 'First day of the period the finding describes.';
comment on column fct_early_warning.period_end is 'Last day of the period the finding describes.';
comment on column fct_early_warning.period_label is 'The period as people say it (2025-W31, 2025-07, FY2025-P07, or a range of weeks).';
comment on column fct_early_warning.owner_role is 'The role accountable (roles.yml).';
comment on column fct_early_warning.rule_id is 'The run rule: WE1-WE4 (Western Electric) or N1-N8 (Nelson); departure where a baseline that never varied (no limits) was departed from.';
comment on column fct_early_warning.rule_name is 'What the rule looks for, in words.';
comment on column fct_early_warning.chart_type is 'The control chart: individuals, xbar_r, p, c or u.';
comment on column fct_early_warning.side is 'above / below the centre line, up / down (N3), or both (N4, N7, N8).';
comment on column fct_early_warning.first_signal_week is 'The first week the rule fired.';
comment on column fct_early_warning.first_signal_points is 'The points (weeks) making the first signal.';
comment on column fct_early_warning.last_signal_week is 'The last week the rule fired.';
comment on column fct_early_warning.signal_count is 'In how many weeks it fired.';
comment on column fct_early_warning.first_signal_value is 'The plotted value at the first signal.';
comment on column fct_early_warning.centre_line is 'The control chart''s centre line (phase I).';
comment on column fct_early_warning.upper_control_limit is 'Upper control limit (centre line + 3 sigma, phase I); null for a departure (no limits).';
comment on column fct_early_warning.lower_control_limit is 'Lower control limit (centre line - 3 sigma, phase I); null for a departure (no limits).';
comment on column fct_early_warning.evidence is 'One sentence with the figures behind the finding, in English (the report prints it in its own language from evidence_key and evidence_args).';
comment on column fct_early_warning.evidence_key is 'The sentence''s message key in the report''s words (reports/i18n), which prints it in the report''s language.';
comment on column fct_early_warning.evidence_args is 'The sentence''s figures and names for evidence_key, a JSON array in the order of its placeholders.';
comment on column fct_early_warning.load_ids is 'The loads (load_audit.load_id) whose rows the finding was computed from.';
comment on column fct_early_warning.config_version is 'The governance config version (SHA-256 of the files) the run used; its files: v_config_version.';
