-- fct_finding_status: this run's findings against the previous run's (finding_history):
-- new (not found last time), persisting (found again; is_restated when its gap changed, e.g.
-- after a restated delivery or a changed tolerance) or resolved (found last time, not now).
-- Beside it what people said: the latest acknowledgement, and whether an approved deviation
-- covers the finding. display_status is what a report shows first.
-- Grain: one row per finding of this run or of the previous run.
create or replace table fct_finding_status as
with

context as (
    select run_id, config_version from run_context
),

previous_run as (
    select max(run_id) as run_id from reconcile_run where run_id < (select run_id from context)
),

previous as (
    select * from finding_history where run_id = (select run_id from previous_run)
),

first_seen as (
    select finding_key, min(run_id) as first_seen_run_id from finding_history group by finding_key
),

acknowledged as (
    select finding_key,
           arg_max(note, acknowledged_at)            as acknowledgement_note,
           arg_max(acknowledged_by, acknowledged_at) as acknowledged_by,
           max(acknowledged_at)                      as acknowledged_at
    from finding_acknowledgement
    group by finding_key
),

compared as (
    select coalesce(c.finding_key, p.finding_key)     as finding_key,
           coalesce(c.finding_type, p.finding_type)   as finding_type,
           coalesce(c.severity, p.severity)           as severity,
           coalesce(c.department_code, p.department_code) as department_code,
           coalesce(c.kpi_id, p.kpi_id)               as kpi_id,
           coalesce(c.period_label, p.period_label)   as period_label,
           case when c.finding_key is null then 'resolved'
                when p.finding_key is null then 'new'
                else 'persisting' end                 as status,
           c.finding_key is not null and p.finding_key is not null
               and (c.gap is distinct from p.gap)      as is_restated,
           p.config_version                           as previous_config_version,
           coalesce(c.is_covered_by_deviation, false) as is_covered_by_deviation,
           c.deviation_id
    from fct_finding as c
    full outer join previous as p using (finding_key)
),

final as (
    select x.*,
           coalesce(f.first_seen_run_id, (select run_id from context)) as first_seen_run_id,
           a.acknowledgement_note,
           a.acknowledged_by,
           a.acknowledged_at,
           case when x.status = 'resolved' then 'resolved'
                when x.is_covered_by_deviation then 'covered by deviation'
                when a.finding_key is not null then 'acknowledged'
                else x.status end                      as display_status,
           (select run_id from context)                as run_id,
           (select config_version from context)        as config_version
    from compared as x
    left join first_seen as f using (finding_key)
    left join acknowledged as a using (finding_key)
)

select * from final;

comment on table fct_finding_status is 'This run''s findings against the previous run''s: new, persisting or resolved, with acknowledgements and deviations.';
