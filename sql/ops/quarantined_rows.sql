-- Console query (not a model): the quarantine browser, one row per value set aside with a
-- reason, newest load first. It reads the rows staging could not type (stg_observation.problem);
-- when ingest's own quarantine table lands, only the `quarantined` CTE changes.
-- Bound parameters, in order, each given twice (null means "any"):
--   run id (bigint), file name fragment (varchar, case-insensitive), reason fragment (varchar).
with quarantined as (
    select load_id,
           sheet_name,
           row_number,
           metric_name,
           period_text,
           value_text,
           problem as reason
    from stg_observation
    where problem is not null
),

loads as (
    select load_id, job_execution_id, file_name, loaded_at
    from load_audit
),

final as (
    select l.job_execution_id as run_id,
           l.file_name,
           q.sheet_name,
           q.row_number,
           q.metric_name,
           q.period_text,
           q.value_text,
           q.reason,
           l.loaded_at
    from quarantined as q
    join loads as l using (load_id)
)

select *
from final
where (cast(? as bigint) is null or run_id = cast(? as bigint))
  and (cast(? as varchar) is null or file_name ilike '%' || cast(? as varchar) || '%')
  and (cast(? as varchar) is null or reason ilike '%' || cast(? as varchar) || '%')
order by loaded_at desc, file_name, sheet_name, row_number
limit 500
