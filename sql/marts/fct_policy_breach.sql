-- fct_policy_breach: weeks in which a system of record shows a policy was not met, judged by
-- the policy version in force at the start of that week. A week inside an approved deviation
-- of the policy (deviations.yml) stays here, marked as covered: it is shown as a concession,
-- not as a breach.
-- Grain: one row per policy and ISO week breached.
create or replace table fct_policy_breach as
with

measured as (
    select * from int_measured_kpi_weekly where measured_value is not null
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
           m.iso_week,
           m.week_start,
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
     and m.week_start >= p.effective_from
     and (p.effective_to is null or m.week_start <= p.effective_to)
),

breached as (
    select * from judged where not is_met
),

covered as (
    select b.policy_id,
           b.iso_week,
           b.department_code,
           arg_min(d.deviation_id, d.valid_from) as deviation_id,
           bool_or(d.approved_on > b.week_start)  as is_approved_after_the_fact
    from breached as b
    join dim_deviation as d
      on d.policy_id = b.policy_id
     and (d.department_code is null or d.department_code = b.department_code)
     and b.week_start between d.valid_from and d.expires_on
    group by all
),

final as (
    select b.policy_id || '/' || b.iso_week as finding_key,
           b.* exclude (is_met),
           b.measured_value - b.threshold as gap,
           c.deviation_id,
           c.deviation_id is not null as is_covered_by_deviation,
           coalesce(c.is_approved_after_the_fact, false) as is_approved_after_the_fact,
           (select config_version from run_context) as config_version
    from breached as b
    left join covered as c using (policy_id, iso_week, department_code)
)

select * from final;

comment on table fct_policy_breach is 'Weeks in which a system of record shows a policy was not met, judged by the policy version in force; one row per policy and ISO week.';
