-- v_policy_version: every version of every policy with its validity.
create or replace view v_policy_version as
select policy_id, policy_version, statement, kpi_id, comparator, threshold, owner_role, severity,
       effective_from, effective_to
from dim_policy;

comment on view v_policy_version is 'One row per policy version; each period is judged by the version in force then.';
comment on column v_policy_version.policy_id is 'The policy (policies.yml).';
comment on column v_policy_version.policy_version is 'Its version number; a change of policy is a new version.';
comment on column v_policy_version.statement is 'What must hold, in words.';
comment on column v_policy_version.kpi_id is 'The KPI it is measured on.';
comment on column v_policy_version.comparator is 'How the measured value is compared with the threshold: >=, >, <=, < or =.';
comment on column v_policy_version.threshold is 'The threshold, in the KPI''s unit.';
comment on column v_policy_version.owner_role is 'The role accountable.';
comment on column v_policy_version.severity is 'low, medium, high or critical.';
comment on column v_policy_version.effective_from is 'First day in force.';
comment on column v_policy_version.effective_to is 'Last day in force; null while in force.';
