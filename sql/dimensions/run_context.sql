-- The one row every model reads to know which run it belongs to: the as-of date (only what
-- was received by the end of that day counts), the config version the dimensions came from,
-- and the reconcile run (reconcile_run_seq) whose findings finding_history will keep.
-- Parameters: as_of_date, config_version, company_name, job_execution_id, run_id.
create or replace table run_context as
select ?::date    as as_of_date,
       ?::varchar as config_version,
       ?::varchar as company_name,
       ?::bigint  as job_execution_id,
       ?::bigint  as run_id
