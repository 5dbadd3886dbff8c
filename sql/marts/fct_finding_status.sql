-- fct_finding_status: this run's findings against the previous run's (finding_history):
-- new (not found last time), persisting (found again; is_restated when its gap changed, e.g.
-- after a restated delivery or a changed tolerance) or resolved (found last time, not now).
-- The previous run is run_context.previous_run_id: the run before this one in reporting time,
-- never a re-issue of a past date. A re-issue counts only what was known then: runs up to its
-- previous run for first_seen_run_id, and acknowledgements given before the first run that
-- reported past its as-of date.
-- Beside it what people said: the latest acknowledgement, and whether an approved deviation
-- covers the finding. display_status is what a report shows first.
-- Grain: one row per finding of this run or of the previous run.
create or replace table fct_finding_status as
with

context as (
    select run_id, config_version, previous_run_id, as_of_date from run_context
),

previous as (
    select * from finding_history where run_id = (select previous_run_id from context)
),

first_seen as (
    select finding_key, min(run_id) as first_seen_run_id
    from finding_history
    where run_id <= (select previous_run_id from context)
    group by finding_key
),

-- null unless this run re-issues a past date: then when reporting moved on past that date, in
-- UTC as acknowledgements are (reconciled_at is the warehouse's local time)
moved_past as (
    select timezone('UTC', arg_min(reconciled_at, run_id)::timestamptz) as reconciled_at
    from reconcile_run
    where as_of_date > (select as_of_date from context)
),

acknowledged as (
    select finding_key,
           arg_max(note, acknowledged_at)            as acknowledgement_note,
           arg_max(acknowledged_by, acknowledged_at) as acknowledged_by,
           max(acknowledged_at)                      as acknowledged_at
    from finding_acknowledgement
    where acknowledged_at < coalesce((select reconciled_at from moved_past), 'infinity'::timestamp)
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
           (select previous_run_id from context)       as previous_run_id,
           (select config_version from context)        as config_version
    from compared as x
    left join first_seen as f using (finding_key)
    left join acknowledged as a using (finding_key)
)

select * from final;

comment on table fct_finding_status is 'This run''s findings against the previous run''s: new, persisting or resolved, with acknowledgements and deviations.';

-- What each column means, for analysts reading the warehouse (DuckDB CLI, DBeaver) and for
-- docs/data-dictionary.md.
comment on column fct_finding_status.finding_key is 'The finding (fct_finding, or finding_history for a resolved one).';
comment on column fct_finding_status.finding_type is 'The finding''s type.';
comment on column fct_finding_status.severity is 'low, medium, high or critical.';
comment on column fct_finding_status.department_code is 'The department (departments.yml).';
comment on column fct_finding_status.kpi_id is 'The catalogue KPI (kpis.yml).';
comment on column fct_finding_status.period_label is 'The period as people say it (2025-W31, 2025-07, FY2025-P07, or a range of weeks).';
comment on column fct_finding_status.status is 'Against the previous run (previous_run_id): new, persisting or resolved.';
comment on column fct_finding_status.is_restated is 'A persisting finding whose gap changed since the previous run.';
comment on column fct_finding_status.previous_config_version is 'The config version of the previous run that found it.';
comment on column fct_finding_status.is_covered_by_deviation is 'True when an approved deviation makes the breach legitimate: shown as a concession, not a breach.';
comment on column fct_finding_status.deviation_id is 'The approved deviation covering the finding, if any (deviations.yml).';
comment on column fct_finding_status.first_seen_run_id is 'The reconcile run that first found it, up to the previous run (for a re-issue of a past date, no run after that date).';
comment on column fct_finding_status.acknowledgement_note is 'The latest note given with plumbline ack (for a re-issue of a past date, before the first run past that date).';
comment on column fct_finding_status.acknowledged_by is 'Who gave the latest acknowledgement.';
comment on column fct_finding_status.acknowledged_at is 'When (UTC).';
comment on column fct_finding_status.display_status is 'What to show first: resolved, covered by deviation, acknowledged, new or persisting.';
comment on column fct_finding_status.run_id is 'This reconcile run.';
comment on column fct_finding_status.previous_run_id is 'The reconcile run it is compared with: the latest before it in reporting time that re-issued no past date (for a re-issue, the latest before its as-of date); null for the first.';
comment on column fct_finding_status.config_version is 'The governance config version (SHA-256 of the files) the run used; its files: v_config_version.';
