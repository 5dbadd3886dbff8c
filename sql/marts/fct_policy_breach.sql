-- fct_policy_breach: periods in which a system of record shows a policy was not met, judged at
-- the common grain (dim_calendar: ISO week by default, month or fiscal period) by the policy
-- version in force at the start of that period. A period inside an approved deviation of the
-- policy (deviations.yml) stays here, marked as covered: it is shown as a concession, not as a
-- breach. A deviation scoped to a part, part class or lot covers the breach only when the rows
-- outside its scope meet the policy on their own: the breach was on the covered part.
-- iso_week and week_start are kept for the reports written at the week grain: they equal
-- period_label and period_start.
-- Grain: one row per policy, department and period breached.
create or replace table fct_policy_breach as
with

measured as (
    select * from int_measured_kpi_period where measured_value is not null
),

judged as (
    select p.policy_id,
           p.policy_version,
           p.statement,
           p.kpi_id,
           p.comparator,
           p.threshold,
           p.owner_role,
           p.severity,
           m.department_code,
           m.period_label                 as iso_week,
           m.period_start                 as week_start,
           m.period_label,
           m.period_start,
           m.period_end,
           (select common_grain from dim_calendar limit 1) as period_grain,
           m.measured_value,
           m.numerator_total,
           m.denominator_total,
           m.load_ids,
           case p.comparator
               when '>=' then m.measured_value >= p.threshold
               when '>'  then m.measured_value >  p.threshold
               when '<=' then m.measured_value <= p.threshold
               when '<'  then m.measured_value <  p.threshold
               when '='  then m.measured_value =  p.threshold
           end as is_met
    from dim_policy as p
    join measured as m
      on m.kpi_id = p.kpi_id
     and m.period_start >= p.effective_from
     and (p.effective_to is null or m.period_start <= p.effective_to)
),

breached as (
    select * from judged where not is_met
),

applicable as (
    select b.policy_id, b.department_code, b.period_start, d.*,
           d.part_id is not null or d.part_class is not null or d.lot_id is not null as is_scoped
    from breached as b
    join dim_deviation as d
      on d.policy_id = b.policy_id
     and (d.department_code is null or d.department_code = b.department_code)
     and b.period_start between d.valid_from and d.expires_on
),

-- For scoped deviations: the breach's rows outside every applicable scope, measured again.
outside_scope as (
    select b.policy_id, b.department_code, b.period_start,
           plumbline_sum(case when o.kpi_role = 'numerator' then o.metric_value end)   as numerator_total,
           plumbline_sum(case when o.kpi_role = 'denominator' then o.metric_value end) as denominator_total
    from breached as b
    join int_kpi_observation as o
      on o.kpi_id = b.kpi_id and o.department_code = b.department_code
     and o.common_period_start = b.period_start and o.kpi_role in ('numerator', 'denominator')
    where not exists (
        select 1 from applicable as a
        where a.is_scoped and a.policy_id = b.policy_id and a.department_code = b.department_code
          and a.period_start = b.period_start
          and (a.part_id is null or o.part_id = a.part_id)
          and (a.part_class is null or o.part_class = a.part_class)
          and (a.lot_id is null or o.lot_id = a.lot_id))
    group by all
),

remeasured as (
    select b.policy_id, b.department_code, b.period_start,
           case when k.denominator_measure is null then x.numerator_total * k.measured_scale
                when x.denominator_total > 0 then x.numerator_total / x.denominator_total * k.measured_scale
           end as value_outside_scope
    from breached as b
    join dim_kpi as k using (kpi_id)
    left join outside_scope as x using (policy_id, department_code, period_start)
),

scope_met as (
    select r.policy_id, r.department_code, r.period_start,
           r.value_outside_scope is null
           or case b.comparator
                  when '>=' then r.value_outside_scope >= b.threshold
                  when '>'  then r.value_outside_scope >  b.threshold
                  when '<=' then r.value_outside_scope <= b.threshold
                  when '<'  then r.value_outside_scope <  b.threshold
                  when '='  then r.value_outside_scope =  b.threshold
              end as is_met_outside_scope
    from remeasured as r
    join breached as b using (policy_id, department_code, period_start)
),

covered as (
    select a.policy_id,
           a.department_code,
           a.period_start,
           arg_min(a.deviation_id, a.valid_from)    as deviation_id,
           bool_or(a.approved_on > a.period_start)  as is_approved_after_the_fact
    from applicable as a
    join scope_met as s using (policy_id, department_code, period_start)
    where not a.is_scoped or s.is_met_outside_scope
    group by all
),

-- What the department itself reported for the period, shown beside the measurement.
reported as (
    select kpi_id, department_code, period_start, reported_value from int_reported_kpi_period
),

final as (
    -- The department is in the key: a company-wide policy can be breached by several departments
    -- in one period, and each breach keeps its own status and acknowledgement.
    select b.policy_id || '/' || b.department_code || '/' || b.period_label as finding_key,
           b.* exclude (is_met),
           b.measured_value - b.threshold as gap,
           r.reported_value as self_reported_value,
           c.deviation_id,
           c.deviation_id is not null as is_covered_by_deviation,
           coalesce(c.is_approved_after_the_fact, false) as is_approved_after_the_fact,
           (select config_version from run_context) as config_version
    from breached as b
    left join reported as r using (kpi_id, department_code, period_start)
    left join covered as c using (policy_id, department_code, period_start)
)

select * from final;

comment on table fct_policy_breach is 'Periods (of the common grain, the ISO week by default) in which a system of record shows a policy was not met, judged by the policy version in force; one row per policy, department and period.';

-- What each column means, for analysts reading the warehouse (DuckDB CLI, DBeaver) and for
-- docs/data-dictionary.md.
comment on column fct_policy_breach.finding_key is 'policy/department/period label (the type''s own key).';
comment on column fct_policy_breach.policy_id is 'The policy (policies.yml).';
comment on column fct_policy_breach.policy_version is 'The version of the policy (policies.yml: version).';
comment on column fct_policy_breach.statement is 'What the policy or objective says, in words.';
comment on column fct_policy_breach.kpi_id is 'The catalogue KPI (kpis.yml).';
comment on column fct_policy_breach.comparator is 'How the measured value is compared with the threshold: >=, >, <=, < or =.';
comment on column fct_policy_breach.threshold is 'The policy''s threshold, in the KPI''s unit.';
comment on column fct_policy_breach.owner_role is 'The role accountable (roles.yml).';
comment on column fct_policy_breach.severity is 'The policy version''s severity.';
comment on column fct_policy_breach.department_code is 'The department measured.';
comment on column fct_policy_breach.iso_week is 'Kept for reports written at the week grain: the period label (the ISO week, e.g. 2025-W31, at the default grain).';
comment on column fct_policy_breach.week_start is 'Kept for reports written at the week grain: the period''s first day (the Monday of the ISO week at the default grain).';
comment on column fct_policy_breach.period_label is 'The period at the common grain: 2025-W31, 2025-07 or FY2025-P07.';
comment on column fct_policy_breach.period_start is 'First day of the period.';
comment on column fct_policy_breach.period_end is 'Last day of the period.';
comment on column fct_policy_breach.period_grain is 'The common grain the period is of: week, month or fiscal_period (calendar.yml: common_grain).';
comment on column fct_policy_breach.measured_value is 'What the system of record measured, in the KPI''s unit.';
comment on column fct_policy_breach.numerator_total is 'Sum of the numerator measure over the period''s rows.';
comment on column fct_policy_breach.denominator_total is 'Sum of the denominator measure; null for a plain sum.';
comment on column fct_policy_breach.load_ids is 'The loads (load_audit.load_id) whose rows the finding was computed from.';
comment on column fct_policy_breach.gap is 'Measured minus threshold.';
comment on column fct_policy_breach.self_reported_value is 'What the department reported for the period (int_reported_kpi_period), in the KPI''s unit; null where it reported nothing.';
comment on column fct_policy_breach.deviation_id is 'The approved deviation covering the finding, if any (deviations.yml).';
comment on column fct_policy_breach.is_covered_by_deviation is 'True when an approved deviation makes the breach legitimate: shown as a concession, not a breach.';
comment on column fct_policy_breach.is_approved_after_the_fact is 'The covering deviation was approved after the period started.';
comment on column fct_policy_breach.config_version is 'The governance config version (SHA-256 of the files) the run used; its files: v_config_version.';
