-- fct_policy_breach: weeks in which a system of record shows a policy was not met, judged by
-- the policy version in force at the start of that week.
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

final as (
    select policy_id || '/' || iso_week as finding_key,
           * exclude (is_met),
           measured_value - threshold as gap,
           (select config_version from run_context) as config_version
    from judged
    where not is_met
)

select * from final
