-- Lake table `observations`: every typed value the sources delivered, with its lineage.
-- Grain: one row per source row per metric. Partitioned by the month the value counts in
-- (stg_observation.placement_date): a weekly value by its week's Thursday, a daily or monthly
-- one by its date.
-- Types are cast explicitly so the Parquet schema stays the same from run to run; personal
-- data never reaches it (observations carry no names, only parts, lots and departments).
create or replace temp table lake_rows as
select strftime(placement_date, '%Y-%m')  as period,
       source_id::varchar                  as source_id,
       source_kind::varchar                as source_kind,
       department_code::varchar            as department_code,
       metric_name::varchar                as metric_name,
       period_date::date                   as period_date,
       iso_week::varchar                   as iso_week,
       metric_value::double                as metric_value,
       part_id::varchar                    as part_id,
       part_class::varchar                 as part_class,
       lot_id::varchar                     as lot_id,
       load_id::bigint                     as load_id,
       sheet_name::varchar                 as sheet_name,
       row_number::integer                 as row_number,
       received_at::timestamp              as received_at,
       (select config_version from run_context)::varchar as config_version
from stg_observation
