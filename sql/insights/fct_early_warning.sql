-- fct_early_warning: a KPI's control chart signals, after its baseline, that the process has
-- changed for the worse. Signals on the favourable side (complaints below the centre line) are
-- not warnings and are left out (they stay in fct_spc_signal); patterns without a side (N4
-- zig-zag, N7 hugging, N8 avoiding the centre) are kept as low-severity warnings.
-- Severity: a point beyond 3 sigma (WE1, N1) is high, other adverse patterns medium.
-- Grain: one row per charted KPI, department and rule that fires in phase II.
create or replace table fct_early_warning as
with

signals as (
    select * from fct_spc_signal where phase = 'II'
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
        ('N8',  'eight points in a row beyond 1 sigma on both sides')
    ) as t(rule_id, rule_name)
),

adverse as (
    select s.*,
           k.owner_role,
           k.kpi_name,
           case
               when s.side = 'both' then 'low'
               when s.rule_id in ('WE1', 'N1') then 'high'
               else 'medium'
           end as severity
    from signals as s
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
           g.kpi_name || ' (' || g.chart_type || ' chart): ' || r.rule_name || ' (' || g.rule_id || ') first in '
               || g.first_signal_week || ', at ' || round(g.first_signal_value, 4)::varchar
               || ' against a centre line of ' || round(g.centre_line, 4)::varchar
               || ' and limits ' || round(g.lower_control_limit, 4)::varchar || ' to '
               || round(g.upper_control_limit, 4)::varchar || ' (points ' || array_to_string(g.first_signal_points, ', ')
               || '); it fired in ' || g.signal_count || ' week' || case when g.signal_count > 1 then 's' else '' end
               || ' up to ' || g.last_signal_week || '.'         as evidence,
           g.load_ids,
           (select config_version from run_context)            as config_version
    from grouped as g
    join rule_names as r using (rule_id)
)

select * from final
