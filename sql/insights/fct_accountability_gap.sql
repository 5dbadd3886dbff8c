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
           -- the periods the version has been in force, as other findings name periods (the common
           -- grain's labels: 2025-01 .. 2025-10), not the policy's id and version
           coalesce(first_day.common_period_label, j.effective_from::varchar) || ' .. '
               || coalesce(last_day.common_period_label, coalesce(j.effective_to, c.as_of_date)::varchar)
                                                        as period_label,
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
           -- the same sentence for the report, in its language (reports/i18n), in words: the config
           -- pointer (roles.yml: can_pause_process) is for analysts, in the English sentence above
           case when j.owner_role is null then 'evidence.accountability_without_authority.noOwner'
                else 'evidence.accountability_without_authority.cannotPause' end as evidence_key,
           json_array(j.policy_id, j.statement, j.role_title)::varchar as evidence_args,
           []::bigint[]                                 as load_ids,
           c.config_version
    from judged as j
    cross join context as c
    left join dim_date as first_day on first_day.calendar_date = j.effective_from
    left join dim_date as last_day on last_day.calendar_date = coalesce(j.effective_to, c.as_of_date)
)

select * from final;

-- What each column means, for analysts reading the warehouse (DuckDB CLI, DBeaver) and for
-- docs/data-dictionary.md.
comment on table fct_accountability_gap is 'A policy in force whose owner cannot pause the process it governs, or that has no owner; one row per policy.';
comment on column fct_accountability_gap.finding_key is 'Stable key of the finding within its type: the same problem has the same key in every run (fct_finding prefixes it with the type).';
comment on column fct_accountability_gap.finding_type is 'accountability_without_authority.';
comment on column fct_accountability_gap.severity is 'low, medium, high or critical.';
comment on column fct_accountability_gap.department_code is 'The department (departments.yml).';
comment on column fct_accountability_gap.kpi_id is 'The catalogue KPI (kpis.yml).';
comment on column fct_accountability_gap.period_start is 'First day of the policy version.';
comment on column fct_accountability_gap.period_end is 'Its last day, or the as-of date.';
comment on column fct_accountability_gap.period_label is 'The periods of the common grain the version has been in force, first .. last (2025-01 .. 2025-10).';
comment on column fct_accountability_gap.owner_role is 'The role accountable (roles.yml).';
comment on column fct_accountability_gap.policy_id is 'The policy (policies.yml).';
comment on column fct_accountability_gap.policy_version is 'The version of the policy (policies.yml: version).';
comment on column fct_accountability_gap.statement is 'What the policy demands.';
comment on column fct_accountability_gap.evidence is 'One sentence with the figures behind the finding, in English (the report prints it in its own language from evidence_key and evidence_args).';
comment on column fct_accountability_gap.evidence_key is 'The sentence''s message key in the report''s words (reports/i18n), which prints it in the report''s language.';
comment on column fct_accountability_gap.evidence_args is 'The sentence''s figures and names for evidence_key, a JSON array in the order of its placeholders.';
comment on column fct_accountability_gap.load_ids is 'Empty: judged on the config alone.';
comment on column fct_accountability_gap.config_version is 'The governance config version (SHA-256 of the files) the run used; its files: v_config_version.';
