-- fct_retroactive_revision: a value for a period that had already been delivered changed in a
-- later delivery, or was withdrawn by it: which file, which period, which direction and how
-- much. A revision that moves a KPI towards "better" (up for higher-is-better, down for
-- lower-is-better) is flagged as flattering: the "polishing" of figures after the fact.
-- Deliveries are compared as int_observation_current replaces them: per statement (a
-- department's figure for a KPI, whichever of its self-reported sources and local names it came
-- through; otherwise a source's metric) and period at the source's grain (a month dated 01.01.
-- or 31.01. is January), a system of record per file sent again under the same name
-- (document_key).
-- Withdrawn: a new version of a document (same version_key) replaces it whole, so a period the
-- previous version held and the new one no longer holds is withdrawn (direction 'withdrawn',
-- revised_value null), when the withdrawn value was the latest delivered for the period. Where
-- the new version holds the period only in a row it could not read (quarantined), the direction
-- is 'unreadable' and the row and its reason are named: a typo is no withdrawal.
-- period_start / period_end / period_label: the period of the common grain the value counts
-- in (dim_date, by stg_observation.placement_date), as every other finding is labelled.
-- Grain: one row per statement, period (at the source's grain) and revising delivery.
create or replace table fct_retroactive_revision as
with

per_delivery as (
    select statement_key, period_start, document_key, load_id,
           min(source_id)            as source_id,
           min(department_code)      as department_code,
           min(metric_name)          as metric_name,
           min(placement_date)       as placement_date,
           min(next_version_load_id) as next_version_load_id,
           min(received_at)          as received_at,
           sum(metric_value)         as metric_value
    from int_observation_current
    group by statement_key, period_start, document_key, load_id
),

-- A period the next version of the same document no longer holds: withdrawn by that version.
withdrawals as (
    select p.statement_key, p.period_start, p.document_key,
           p.next_version_load_id  as load_id,
           p.source_id, p.department_code, p.metric_name, p.placement_date,
           a.received_at,
           null::double            as metric_value,
           p.load_id               as withdrawn_load_id
    from per_delivery as p
    join load_audit as a on a.load_id = p.next_version_load_id
    where not exists (select 1 from per_delivery as q
                      where q.load_id = p.next_version_load_id
                        and q.statement_key = p.statement_key
                        and q.period_start = p.period_start)
),

-- A period the next version still holds in a row it could not read (quarantined: "n/a" typed
-- over a figure, a stray letter) was not withdrawn by whoever sent it: it is unreadable. Such a
-- row is found by the withdrawn value's period as written (its period column's text, or a
-- periods-across header) and, where the row names its metric, by that name; the first one found
-- is named with its reason. Few rows either way: only withdrawals and quarantined rows meet.
withdrawn_period_texts as (
    select w.load_id, w.statement_key, w.period_start, w.metric_name,
           list(distinct trim(o.period_text)) as period_texts
    from withdrawals as w
    join stg_observation as o
      on o.load_id = w.withdrawn_load_id and o.period_start = w.period_start and o.metric_name = w.metric_name
    group by all
),

unreadable as (
    select t.load_id, t.statement_key, t.period_start,
           arg_min(q.sheet_name, q.row_number) as quarantined_sheet_name,
           min(q.row_number)                   as quarantined_row_number,
           arg_min(q.reason, q.row_number)     as quarantine_reason
    from withdrawn_period_texts as t
    join raw_quarantine_latest as q on q.load_id = t.load_id   -- as the load's latest reading set them aside
    join raw_sheet_latest as s on s.load_id = q.load_id and s.sheet_name = q.sheet_name and s.table_name = q.table_name
    where case when s.shape = 'periods_across'
                   then list_has_any(list_transform(s.column_names, lambda c: trim(c)), t.period_texts)
                else list_contains(t.period_texts, trim(q.fields[s.period_position])) end
      and (s.shape = 'column_per_metric'
           or list_contains(list_transform(q.fields, lambda f: nfc_normalize(trim(f))), t.metric_name))
    group by all
),

events as (
    select * exclude (next_version_load_id), null::bigint as withdrawn_load_id from per_delivery
    union all by name
    select * from withdrawals
),

sequenced as (
    select *,
           lag(metric_value) over w as previous_value,
           lag(load_id)      over w as previous_load_id,
           lag(received_at)  over w as previous_received_at
    from events
    window w as (partition by statement_key, period_start, document_key order by received_at, load_id)
),

revised as (
    select s.*, s.withdrawn_load_id is not null as is_withdrawal,
           u.quarantined_sheet_name, u.quarantined_row_number, u.quarantine_reason
    from sequenced as s
    left join unreadable as u
      on s.withdrawn_load_id is not null
     and u.load_id = s.load_id and u.statement_key = s.statement_key and u.period_start = s.period_start
    where s.previous_load_id is not null
      and s.previous_value is not null
      and (abs(s.metric_value - s.previous_value) > 1e-9          -- a changed value
           or s.withdrawn_load_id = s.previous_load_id)            -- the latest value, withdrawn
),

final as (
    select r.source_id || '/' || r.metric_name || '/' || r.period_start || '/load ' || r.load_id as finding_key,
           r.source_id,
           r.department_code,
           r.metric_name,
           n.kpi_id,
           r.statement_key,
           r.period_start                                   as period_date,
           strftime(r.period_start, '%G-W%V')               as iso_week,
           d.common_period_start                            as period_start,
           d.common_period_end                              as period_end,
           d.common_period_label                            as period_label,
           r.previous_load_id,
           previous.file_name                               as previous_file_name,
           r.previous_received_at,
           r.previous_value,
           r.load_id                                        as revised_load_id,
           revising.file_name                               as revised_file_name,
           r.received_at                                    as revised_received_at,
           r.metric_value                                   as revised_value,
           r.metric_value - r.previous_value                as revision,
           case when r.previous_value <> 0
                then (r.metric_value - r.previous_value) / abs(r.previous_value) * 100 end as revision_percent,
           case when r.quarantined_row_number is not null then 'unreadable'
                when r.is_withdrawal then 'withdrawn'
                when r.metric_value > r.previous_value then 'up' else 'down' end as direction,
           r.is_withdrawal,
           r.quarantined_sheet_name,
           r.quarantined_row_number,
           r.quarantine_reason,
           coalesce((k.direction = 'higher_is_better' and r.metric_value > r.previous_value)
                 or (k.direction = 'lower_is_better' and r.metric_value < r.previous_value), false) as is_flattering,
           (select config_version from run_context)        as config_version
    from revised as r
    join load_audit as previous on previous.load_id = r.previous_load_id
    join load_audit as revising on revising.load_id = r.load_id
    left join dim_date as d on d.calendar_date = r.placement_date
    left join dim_kpi_local_name as n
      on n.department_code = r.department_code and n.local_name = r.metric_name
    left join dim_kpi as k on k.kpi_id = n.kpi_id
)

select * from final;

comment on table fct_retroactive_revision is 'Values of already-delivered periods changed or withdrawn by a later delivery; one row per statement, period and revising delivery.';

-- What each column means, for analysts reading the warehouse (DuckDB CLI, DBeaver) and for
-- docs/data-dictionary.md.
comment on column fct_retroactive_revision.finding_key is 'source/metric/period/revising load (the type''s own key).';
comment on column fct_retroactive_revision.source_id is 'The source (sources.yml).';
comment on column fct_retroactive_revision.department_code is 'The department (departments.yml).';
comment on column fct_retroactive_revision.metric_name is 'The metric''s name: a system-of-record measure or the department''s local KPI name.';
comment on column fct_retroactive_revision.kpi_id is 'The KPI the metric maps to; null where none.';
comment on column fct_retroactive_revision.statement_key is 'What the value states (int_observation_current): a department''s KPI (department PROD, KPI units_produced) or a source''s metric.';
comment on column fct_retroactive_revision.period_date is 'The period the value describes, by its first day at the source''s grain (a week''s Monday, a month''s 1st, the day).';
comment on column fct_retroactive_revision.iso_week is 'The ISO week of period_date.';
comment on column fct_retroactive_revision.period_start is 'First day of the period of the common grain the value counts in (calendar.yml: common_grain).';
comment on column fct_retroactive_revision.period_end is 'Last day of that period.';
comment on column fct_retroactive_revision.period_label is 'That period: 2025-W31, 2025-07 or FY2025-P07.';
comment on column fct_retroactive_revision.previous_load_id is 'The load with the earlier value.';
comment on column fct_retroactive_revision.previous_file_name is 'Its file.';
comment on column fct_retroactive_revision.previous_received_at is 'When it was received.';
comment on column fct_retroactive_revision.previous_value is 'The earlier value.';
comment on column fct_retroactive_revision.revised_load_id is 'The load with the changed value, or the new version that no longer holds the period.';
comment on column fct_retroactive_revision.revised_file_name is 'Its file.';
comment on column fct_retroactive_revision.revised_received_at is 'When it was received.';
comment on column fct_retroactive_revision.revised_value is 'The changed value; null where it was withdrawn.';
comment on column fct_retroactive_revision.revision is 'Revised minus previous value; null where it was withdrawn.';
comment on column fct_retroactive_revision.revision_percent is 'The revision as a percentage of the previous value.';
comment on column fct_retroactive_revision.direction is 'up, down, withdrawn, or unreadable (the new version holds the period in a row it could not read, quarantined).';
comment on column fct_retroactive_revision.is_withdrawal is 'The newest version of the previous value''s document no longer holds the period, or holds it only in a quarantined row (direction unreadable).';
comment on column fct_retroactive_revision.quarantined_sheet_name is 'Where the direction is unreadable: the sheet of the new version''s quarantined row that holds the period ('''' for a flat file).';
comment on column fct_retroactive_revision.quarantined_row_number is 'That row (Excel) or line (editor); null unless the direction is unreadable.';
comment on column fct_retroactive_revision.quarantine_reason is 'Why that row was quarantined (raw_quarantine.reason).';
comment on column fct_retroactive_revision.is_flattering is 'The revision moves the KPI towards better: polishing after the fact.';
comment on column fct_retroactive_revision.config_version is 'The governance config version (SHA-256 of the files) the run used; its files: v_config_version.';
