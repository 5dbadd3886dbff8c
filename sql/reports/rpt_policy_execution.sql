-- rpt_policy_execution: each policy against its execution in the latest period with a figure:
-- owner, target, what the system of record measured, what the department reported, the gap,
-- and since when the policy has been breached without interruption (null when it is met).
-- The periods are those of the common grain (dim_calendar: ISO week by default, month or fiscal
-- period), the grain fct_policy_breach judges policies at, so this table and the breach pages
-- agree on what is breached; the report names them by rpt_context.period_grain.
-- Grain: one row per policy and department it applies to.
create or replace table rpt_policy_execution as
with

policies as (
    select distinct on (policy_id) policy_id, kpi_id, threshold, owner_role, severity, statement
    from dim_policy
    order by policy_id, policy_version desc
),

periods as (
    select m.kpi_id, m.department_code, m.period_start, m.period_label, m.measured_value, r.reported_value
    from int_measured_kpi_period as m
    left join int_reported_kpi_period as r using (kpi_id, department_code, period_start)
    where m.period_start <= (select as_of_date from run_context)
),

latest as (
    select kpi_id, department_code,
           max(period_start)                         as latest_period_start,
           arg_max(period_label, period_start)       as latest_period,
           arg_max(measured_value, period_start)     as measured_value,
           arg_max(reported_value, period_start)     as reported_value
    from periods
    group by kpi_id, department_code
),

breached as (
    select policy_id, department_code, period_start, period_label from fct_policy_breach
),

-- the start of the unbroken run of breached periods that ends in the latest period
streak as (
    select l.kpi_id, l.department_code, p.policy_id,
           arg_min(b.period_label, b.period_start) as breached_since
    from latest as l
    join policies as p using (kpi_id)
    join breached as b on b.policy_id = p.policy_id and b.department_code = l.department_code
    where not exists (
        select 1 from periods as w
        where w.kpi_id = l.kpi_id and w.department_code = l.department_code
          and w.period_start > b.period_start and w.period_start <= l.latest_period_start
          and not exists (select 1 from breached as b2
                          where b2.policy_id = p.policy_id and b2.department_code = w.department_code
                            and b2.period_start = w.period_start))
    group by all
),

final as (
    select p.policy_id, p.statement, p.severity, l.department_code, d.department_name,
           coalesce(r.role_title, p.owner_role)  as owner_title,
           k.kpi_name, k.unit,
           p.threshold                           as target_value,
           l.latest_period,
           round(l.measured_value, 1)            as measured_value,
           round(l.reported_value, 1)            as reported_value,
           round(l.measured_value - p.threshold, 1) as gap,
           s.breached_since,
           (select count(*) from breached as b where b.policy_id = p.policy_id
                                                 and b.department_code = l.department_code) as breached_period_count
    from policies as p
    join latest as l using (kpi_id)
    join dim_kpi as k using (kpi_id)
    left join dim_department as d using (department_code)
    left join dim_role as r on r.role_id = p.owner_role
    left join streak as s on s.policy_id = p.policy_id and s.department_code = l.department_code
)

select * from final order by policy_id, department_code
