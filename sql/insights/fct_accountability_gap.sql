-- fct_accountability_gap: a policy in force on the as-of date whose owner cannot pause the
-- process it governs (roles.yml: can_pause_process), or that has no owner at all. Whoever
-- answers for a policy must be able to stop the line when it is broken.
-- Grain: one row per policy (the version in force on the as-of date).
create or replace table fct_accountability_gap as
with

context as (
    select as_of_date, config_version from run_context
),

policies_in_force as (
    select p.*
    from dim_policy as p, context as c
    where p.effective_from <= c.as_of_date and (p.effective_to is null or p.effective_to >= c.as_of_date)
),

judged as (
    select p.*,
           r.role_title,
           r.department_code,
           r.can_pause_process
    from policies_in_force as p
    left join dim_role as r on r.role_id = p.owner_role
    where p.owner_role is null or not r.can_pause_process
),

final as (
    select j.policy_id                                  as finding_key,
           'accountability_without_authority'           as finding_type,
           j.severity,
           j.department_code,
           j.kpi_id,
           j.effective_from                             as period_start,
           coalesce(j.effective_to, c.as_of_date)       as period_end,
           j.policy_id || ' v' || j.policy_version      as period_label,
           j.owner_role,
           j.policy_id,
           j.policy_version,
           j.statement,
           case
               when j.owner_role is null
                   then 'Policy ' || j.policy_id || ' ("' || j.statement || '") has no owner, so nobody answers for'
                        || ' it and nobody is entitled to stop the process when it is broken.'
               else 'Policy ' || j.policy_id || ' ("' || j.statement || '") is owned by the ' || j.role_title
                    || ', who cannot pause the process it governs (roles.yml: can_pause_process: false).'
           end                                          as evidence,
           []::bigint[]                                 as load_ids,
           c.config_version
    from judged as j, context as c
)

select * from final
