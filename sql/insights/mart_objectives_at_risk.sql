-- mart_objectives_at_risk: which strategic objectives the findings touch. A finding on a KPI
-- that is a key result of an objective puts that objective at risk. Covers the findings with a
-- KPI: policy breaches, reporting discrepancies, early warnings, threshold projections,
-- compliance mirages (on the watched KPI too), incentive conflicts and accountability gaps.
-- Reads the strategy dimensions (dim_objective, dim_objective_key_result).
-- Grain: one row per objective, key-result KPI and finding type with at least one finding.
create or replace table mart_objectives_at_risk as
with

findings as (
    select 'policy_breach' as finding_type, finding_key, kpi_id, severity, week_start as period_start,
           week_start + 6 as period_end
    from fct_policy_breach
    union all
    select 'reporting_discrepancy', finding_key, kpi_id, null, week_start, week_start + 6
    from fct_reporting_discrepancy
    union all
    select finding_type, finding_key, kpi_id, severity, period_start, period_end from fct_early_warning
    union all
    select finding_type, finding_key, kpi_id, severity, period_start, period_end from fct_threshold_projection
    union all
    select finding_type, finding_key, kpi_id, severity, period_start, period_end from fct_compliance_mirage
    union all
    select finding_type, finding_key, watch_kpi_id, severity, period_start, period_end from fct_compliance_mirage
    union all
    select finding_type, finding_key, kpi_id, severity, period_start, period_end from fct_incentive_conflict
    union all
    select finding_type, finding_key, kpi_id, severity, period_start, period_end from fct_accountability_gap
),

severity_rank as (
    select * from (values ('low', 1), ('medium', 2), ('high', 3), ('critical', 4)) as t(severity, severity_rank)
),

final as (
    select o.objective_id,
           o.statement                                        as objective_statement,
           o.owner_role                                       as objective_owner_role,
           kr.kpi_id,
           kr.target                                          as key_result_target,
           f.finding_type,
           count(distinct f.finding_key)                      as finding_count,
           arg_max(f.severity, coalesce(r.severity_rank, 0))  as highest_severity,
           min(f.period_start)                                as first_period_start,
           max(f.period_end)                                  as last_period_end,
           list(distinct f.finding_key order by f.finding_key) as finding_keys
    from dim_objective as o
    join dim_objective_key_result as kr using (objective_id)
    join findings as f on f.kpi_id = kr.kpi_id
    left join severity_rank as r on r.severity = f.severity
    group by all
)

select * from final
