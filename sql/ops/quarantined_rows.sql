-- Console query (not a model): the quarantine browser, one row per row the loader set aside
-- with a reason (raw_quarantine, in the ledger), newest load first, with its raw text.
-- Bound parameters, in order, each given twice (null means "any"):
--   run id (bigint), file name fragment (varchar, case-insensitive), reason fragment (varchar).
with quarantined as (
    select load_id,
           file_name,
           sheet_name,
           table_name,
           row_number,
           reason,
           array_to_string(list_transform(fields, lambda f: coalesce(f, '')), ' | ') as raw_text
    from raw_quarantine_latest   -- each load's latest reading (ledger V13)
),

loads as (
    select load_id, job_execution_id, loaded_at
    from load_audit
),

final as (
    select l.job_execution_id as run_id,
           q.file_name,
           q.sheet_name,
           q.table_name,
           q.row_number,
           q.raw_text,
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
