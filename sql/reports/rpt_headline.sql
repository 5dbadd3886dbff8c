-- rpt_headline: the one-sentence finding per breached policy: how many weeks, from when to
-- when, the worst week and what the department reported for it.
-- Grain: one row per policy with at least one breached week.
create or replace table rpt_headline as
with

breaches as (
    select * from rpt_breached_weeks
),

policy as (
    select p.policy_id, p.policy_version, p.statement, p.kpi_id, p.owner_role,
           k.kpi_name, r.role_title
    from fct_policy_breach as p
    join dim_kpi as k using (kpi_id)
    left join dim_role as r on r.role_id = p.owner_role
    qualify row_number() over (partition by p.policy_id order by p.week_start desc) = 1
),

discrepancies as (
    select d.kpi_id, count(*) as discrepancy_week_count
    from fct_reporting_discrepancy as d
    group by d.kpi_id
),

summary as (
    select policy_id,
           any_value(threshold)                                  as threshold,
           count(*)                                              as breached_week_count,
           min(iso_week)                                         as first_breached_week,
           max(iso_week)                                         as last_breached_week,
           arg_max(iso_week, abs(threshold - measured_coverage)) as worst_week,
           arg_max(measured_coverage, abs(threshold - measured_coverage)) as worst_measured,
           arg_max(self_reported_coverage, abs(threshold - measured_coverage)) as reported_in_worst_week
    from breaches
    group by policy_id
),

final as (
    select s.policy_id,
           p.policy_version,
           p.statement                                 as policy_statement,
           p.kpi_name,
           coalesce(p.role_title, p.owner_role)        as owner_title,
           s.threshold,
           s.breached_week_count::integer              as breached_week_count,
           s.first_breached_week,
           s.last_breached_week,
           s.worst_week,
           s.worst_measured,
           s.reported_in_worst_week,
           coalesce(d.discrepancy_week_count, 0)::integer as discrepancy_week_count
    from summary as s
    join policy as p using (policy_id)
    left join discrepancies as d on d.kpi_id = p.kpi_id
    order by s.policy_id
)

select * from final
