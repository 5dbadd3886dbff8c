-- int_observation_current: every typed value with whether it is the one in force. When a
-- later delivery of the same source covers the same metric and period again (a corrected
-- workbook, a re-run export), the latest received delivery replaces the earlier one; the
-- earlier values stay here (is_current = false) for the retroactive-revision finding and for
-- "what did we know on date D".
-- Grain: one row per stg_observation row without a problem.
create or replace table int_observation_current as
with

observations as (
    select * from stg_observation where problem is null
),

deliveries as (
    select source_id, metric_name, period_date, load_id, min(received_at) as received_at
    from observations
    group by source_id, metric_name, period_date, load_id
),

ranked as (
    select source_id, metric_name, period_date, load_id,
           row_number() over (partition by source_id, metric_name, period_date
                              order by received_at desc, load_id desc) = 1 as is_current
    from deliveries
),

final as (
    select o.*, r.is_current
    from observations as o
    join ranked as r using (source_id, metric_name, period_date, load_id)
)

select * from final
