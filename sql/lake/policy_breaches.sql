-- Lake table `policy_breaches`: weeks in which a system of record shows a policy was not
-- met. Grain: one row per policy and ISO week. Partitioned by the month the week counts in:
-- the month of its Thursday (week_start + 3, stg_observation.placement_date's rule, as the
-- reports count months), so 2020-W49 (Mon 30 Nov-Sun 6 Dec) is December's.
create or replace temp table lake_rows as
select strftime(week_start + 3, '%Y-%m') as period,
       finding_key::varchar               as finding_key,
       policy_id::varchar                 as policy_id,
       policy_version::integer            as policy_version,
       kpi_id::varchar                    as kpi_id,
       department_code::varchar           as department_code,
       iso_week::varchar                  as iso_week,
       week_start::date                   as week_start,
       comparator::varchar                as comparator,
       threshold::double                  as threshold,
       measured_value::double             as measured_value,
       gap::double                        as gap,
       severity::varchar                  as severity,
       owner_role::varchar                as owner_role,
       config_version::varchar            as config_version
from fct_policy_breach
