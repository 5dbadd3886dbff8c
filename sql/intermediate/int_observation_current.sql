-- int_observation_current: every typed value with whether it is the one in force.
-- A department's figure is one value per metric and period, so when a later delivery of the
-- same self-reported source covers the same metric and period again (a corrected workbook,
-- under any file name) the latest received replaces the earlier one. A system of record
-- delivers many rows per period, split over files in its own way, so its rows add up across
-- files and only a new version of the same file (same version_key: the same name sent again)
-- replaces the earlier one. Replaced values stay here (is_current = false) for the
-- retroactive-revision finding and for "what did we know on date D".
-- Only the columns later layers use, so the widest table is not copied again.
-- Grain: one row per stg_observation row.
create or replace table int_observation_current as
with

observations as (
    select load_id, source_id, department_code, source_kind, version_key, sheet_name, row_number, received_at,
           metric_name, period_date, week_start, iso_week, metric_value, part_id, part_class, lot_id
    from stg_observation
),

deliveries as (
    select source_id, metric_name, period_date, load_id,
           case when any_value(source_kind) = 'system_of_record' then any_value(version_key) end as document_key,
           min(received_at) as received_at
    from observations
    group by source_id, metric_name, period_date, load_id
),

ranked as (
    select source_id, metric_name, period_date, load_id, document_key,
           row_number() over (partition by source_id, metric_name, period_date, document_key
                              order by received_at desc, load_id desc) = 1 as is_current
    from deliveries
),

final as (
    select o.* exclude (version_key), r.document_key, r.is_current
    from observations as o
    join ranked as r using (source_id, metric_name, period_date, load_id)
)

select * from final
