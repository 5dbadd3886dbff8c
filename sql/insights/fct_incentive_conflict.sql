-- fct_incentive_conflict: a role is paid on a KPI that pulls against a policy's KPI (a
-- tension), while its scheme rewards the policy's KPI not at all or with a weight below the
-- configured share of the paid KPI's weight (incentive_checks: min_weight_ratio; the strictest
-- check for the role counts). Judged on the schemes and policies in force on the as-of date.
-- Reads the strategy dimensions (dim_incentive_scheme, dim_incentive_weight, dim_tension).
-- Grain: one row per incentive scheme, tension and policy whose KPI the scheme under-rewards.
create or replace table fct_incentive_conflict as
with

context as (
    select as_of_date, config_version from run_context
),

schemes as (
    select s.*
    from dim_incentive_scheme as s, context as c
    where s.effective_from <= c.as_of_date and (s.effective_to is null or s.effective_to >= c.as_of_date)
),

policies as (
    select p.*
    from dim_policy as p, context as c
    where p.effective_from <= c.as_of_date and (p.effective_to is null or p.effective_to >= c.as_of_date)
),

-- a tension works both ways: paying on either side puts pressure on the other
tension_sides as (
    select tension_id, kpi_a as pulling_kpi_id, kpi_b as pulled_kpi_id, explanation from dim_tension
    union all
    select tension_id, kpi_b, kpi_a, explanation from dim_tension
),

required_ratio as (
    select r.role_id, max(c.min_weight_ratio) as min_weight_ratio
    from dim_role as r
    join dim_incentive_check as c
      on not exists (select 1 from dim_incentive_check_role as x where x.check_id = c.check_id)
      or exists (select 1 from dim_incentive_check_role as x where x.check_id = c.check_id and x.role_id = r.role_id)
    group by r.role_id
),

paid as (
    select s.scheme_id, s.role_id, s.pay_period, w.kpi_id as paid_kpi_id, w.weight as paid_weight
    from schemes as s
    join dim_incentive_weight as w using (scheme_id)
    where w.weight > 0
),

conflicts as (
    select p.*,
           t.tension_id,
           t.explanation,
           pol.policy_id,
           pol.statement,
           pol.severity,
           pol.owner_role as policy_owner_role,
           t.pulled_kpi_id                   as policy_kpi_id,
           coalesce(w.weight, 0)             as policy_kpi_weight,
           coalesce(r.min_weight_ratio, 0)   as min_weight_ratio
    from paid as p
    join tension_sides as t on t.pulling_kpi_id = p.paid_kpi_id
    join policies as pol on pol.kpi_id = t.pulled_kpi_id
    left join required_ratio as r on r.role_id = p.role_id
    left join dim_incentive_weight as w on w.scheme_id = p.scheme_id and w.kpi_id = t.pulled_kpi_id
    where coalesce(w.weight, 0) = 0 or coalesce(w.weight, 0) < coalesce(r.min_weight_ratio, 0) * p.paid_weight
),

final as (
    select c.scheme_id || '/' || c.tension_id || '/' || c.policy_id as finding_key,
           'incentive_conflict'                                   as finding_type,
           c.severity,
           ro.department_code,
           c.policy_kpi_id                                        as kpi_id,
           s.effective_from                                       as period_start,
           coalesce(s.effective_to, x.as_of_date)                 as period_end,
           -- the scheme alone: its pay period is a word, said in the evidence sentence in the report's language
           c.scheme_id                                            as period_label,
           c.policy_owner_role                                    as owner_role,
           c.scheme_id,
           c.role_id                                              as paid_role_id,
           c.paid_kpi_id,
           c.paid_weight,
           c.tension_id,
           c.policy_id,
           c.policy_kpi_weight,
           c.min_weight_ratio,
           -- the KPIs by their names (kpis.yml), as a reader of the sentence knows them
           ro.role_title || ' is paid ' || round(100 * c.paid_weight)::integer || '% on ' || pk.kpi_name
               || ' each ' || c.pay_period || ' (' || c.scheme_id || '), which pulls against ' || kk.kpi_name || ' (' || c.tension_id
               || ': ' || c.explanation || '), the KPI of policy ' || c.policy_id || '; the scheme '
               || case when c.min_weight_ratio = 0
                       then 'does not reward ' || kk.kpi_name || ' at all.'
                       else 'rewards ' || kk.kpi_name || ' with ' || round(100 * c.policy_kpi_weight)::integer
                            || '%, below ' || c.min_weight_ratio::varchar || ' times '
                            || round(100 * c.paid_weight)::integer || '%.' end
                                                                  as evidence,
           -- the same sentence for the report, in its language (reports/i18n): weights as whole percentages.
           -- Without an incentive check for the role (min_weight_ratio 0) the conflict is that the
           -- policy's KPI is not rewarded at all, and the sentence names no ratio ("below 0.0 times 60%").
           case when c.min_weight_ratio = 0 then 'evidence.incentive_conflict.unrewarded'
                else 'evidence.incentive_conflict' end            as evidence_key,
           json_array(ro.role_title, json_object('value', c.paid_weight, 'unit', 'proportion', 'decimals', 0),
                      pk.kpi_name, c.scheme_id, kk.kpi_name, c.tension_id, c.explanation, c.policy_id,
                      json_object('value', c.policy_kpi_weight, 'unit', 'proportion', 'decimals', 0),
                      c.min_weight_ratio, json_object('word', 'evidence.pay_period.' || c.pay_period))::varchar
                                                                  as evidence_args,
           []::bigint[]                                           as load_ids,
           x.config_version
    from conflicts as c
    join schemes as s using (scheme_id)
    join dim_role as ro on ro.role_id = c.role_id
    join dim_kpi as pk on pk.kpi_id = c.paid_kpi_id
    join dim_kpi as kk on kk.kpi_id = c.policy_kpi_id
    cross join context as x
)

select * from final;

-- What each column means, for analysts reading the warehouse (DuckDB CLI, DBeaver) and for
-- docs/data-dictionary.md.
comment on table fct_incentive_conflict is 'A role is paid on a KPI that pulls against a policy''s KPI while its scheme under-rewards the policy''s KPI; one row per scheme, tension and policy.';
comment on column fct_incentive_conflict.finding_key is 'Stable key of the finding within its type: the same problem has the same key in every run (fct_finding prefixes it with the type).';
comment on column fct_incentive_conflict.finding_type is 'incentive_conflict.';
comment on column fct_incentive_conflict.severity is 'low, medium, high or critical.';
comment on column fct_incentive_conflict.department_code is 'The paid role''s department.';
comment on column fct_incentive_conflict.kpi_id is 'The policy''s KPI.';
comment on column fct_incentive_conflict.period_start is 'First day of the scheme.';
comment on column fct_incentive_conflict.period_end is 'Its last day, or the as-of date.';
comment on column fct_incentive_conflict.period_label is 'The incentive scheme (its pay period is in the evidence sentence).';
comment on column fct_incentive_conflict.owner_role is 'The policy''s owner.';
comment on column fct_incentive_conflict.scheme_id is 'The incentive scheme (strategy.yml: incentives).';
comment on column fct_incentive_conflict.paid_role_id is 'The role paid.';
comment on column fct_incentive_conflict.paid_kpi_id is 'The KPI the role is paid on.';
comment on column fct_incentive_conflict.paid_weight is 'The paid KPI''s weight in the scheme.';
comment on column fct_incentive_conflict.tension_id is 'The tension between two KPIs (strategy.yml: tensions).';
comment on column fct_incentive_conflict.policy_id is 'The policy (policies.yml).';
comment on column fct_incentive_conflict.policy_kpi_weight is 'The weight the scheme gives the policy''s KPI.';
comment on column fct_incentive_conflict.min_weight_ratio is 'How much, at least, a scheme must weigh a policy''s KPI relative to the KPI it pulls against (incentive_checks); 0 where no check applies to the role, when only no reward at all is a conflict.';
comment on column fct_incentive_conflict.evidence is 'One sentence with the figures behind the finding, in English (the report prints it in its own language from evidence_key and evidence_args).';
comment on column fct_incentive_conflict.evidence_key is 'The sentence''s message key in the report''s words (reports/i18n), which prints it in the report''s language.';
comment on column fct_incentive_conflict.evidence_args is 'The sentence''s figures and names for evidence_key, a JSON array in the order of its placeholders.';
comment on column fct_incentive_conflict.load_ids is 'Empty: judged on the config alone.';
comment on column fct_incentive_conflict.config_version is 'The governance config version (SHA-256 of the files) the run used; its files: v_config_version.';
