-- Lake table `reporting_discrepancies`: weeks in which a department's own figure differs
-- from the system of record beyond the KPI's tolerance. Grain: one row per department, KPI
-- and ISO week. Partitioned by the month the week counts in: the month of its Thursday
-- (week_start + 3, stg_observation.placement_date's rule, as the reports count months).
create or replace temp table lake_rows as
select strftime(week_start + 3, '%Y-%m') as period,
       finding_key::varchar               as finding_key,
       department_code::varchar           as department_code,
       kpi_id::varchar                    as kpi_id,
       iso_week::varchar                  as iso_week,
       week_start::date                   as week_start,
       reported_value::double             as reported_value,
       measured_value::double             as measured_value,
       gap::double                        as gap,
       tolerance::double                  as tolerance,
       owner_role::varchar                as owner_role,
       config_version::varchar            as config_version
from fct_reporting_discrepancy
