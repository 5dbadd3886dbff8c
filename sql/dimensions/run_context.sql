-- The one row every model reads to know which run it belongs to: the as-of date (only what
-- was received by the end of that day counts), the config version the dimensions came from,
-- and the reconcile run (reconcile_run_seq) whose findings finding_history will keep.
-- A run whose as-of date lies before that of a run before it is a re-issue of a past report
-- (is_reissue): it stands where its date is in reporting time, not at the end of the line.
-- previous_run_id is the run its findings are new, persisting or resolved against: the latest
-- run that was no re-issue, and for a re-issue the latest such run before its as-of date, so
-- it says what was new then, and a re-issue is never what a later run compares with.
-- Parameters: as_of_date, config_version, company_name, job_execution_id, run_id.
create or replace table run_context as
with

given as (
    select ?::date    as as_of_date,
           ?::varchar as config_version,
           ?::varchar as company_name,
           ?::bigint  as job_execution_id,
           ?::bigint  as run_id
),

earlier_run as (
    select run_id,
           as_of_date,
           coalesce(as_of_date < max(as_of_date) over (order by run_id
               rows between unbounded preceding and 1 preceding), false) as is_reissue
    from reconcile_run
    where run_id < (select run_id from given)
),

placed as (
    select g.*,
           (select max(as_of_date) from earlier_run)                          as latest_as_of_date,
           coalesce(g.as_of_date < (select max(as_of_date) from earlier_run), false) as is_reissue
    from given as g
),

final as (
    select p.*,
           (select max(e.run_id) from earlier_run as e
            where not e.is_reissue and (e.as_of_date < p.as_of_date or not p.is_reissue)) as previous_run_id
    from placed as p
)

select * from final
