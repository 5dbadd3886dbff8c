-- Lake table `observations`: every typed value the sources delivered, with its lineage, and
-- whether it is the one in force (int_observation_current.is_current): a corrected workbook's
-- values stand beside the ones they replaced, so a sum over the lake counts the report's
-- figures only where is_current.
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
       value_as_delivered::double          as metric_value,   -- scaled, in the source's currency
       part_id::varchar                    as part_id,
       part_class::varchar                 as part_class,
       lot_id::varchar                     as lot_id,
       load_id::bigint                     as load_id,
       sheet_name::varchar                 as sheet_name,
       row_number::integer                 as row_number,
       received_at::timestamp              as received_at,
       (select config_version from run_context)::varchar as config_version,
       is_current::boolean                 as is_current
from int_observation_current
