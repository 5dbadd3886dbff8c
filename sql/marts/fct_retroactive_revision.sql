-- fct_retroactive_revision: a value for a period that had already been delivered changed in a
-- later delivery, or was withdrawn by it: which file, which period, which direction and how
-- much. A revision that moves a KPI towards "better" (up for higher-is-better, down for
-- lower-is-better) is flagged as flattering: the "polishing" of figures after the fact.
-- Deliveries are compared as int_observation_current replaces them: per statement (a
-- department's figure for a KPI, whichever of its self-reported sources and local names it came
-- through; otherwise a source's metric) and period at the source's grain (a month dated 01.01.
-- or 31.01. is January), a system of record per file sent again under the same name
-- (document_key).
-- Restated at another grain: where a department states a KPI for a period of the common grain
-- at two grains (weekly sheets and a monthly overview at the month grain), the grain delivered
-- latest speaks for the period (int_kpi_observation), so a delivery at the other grain changes
-- the figure in force without changing any value at its own grain: the weekly figures of March
-- (93.1 % on average) replaced by a monthly 97.0 %, or the reverse. Each such change
-- (int_reported_grain_change) is compared as the report sees it, both sides combined by the
-- KPI's aggregation as int_reported_kpi_period combines them (plumbline_reported_figure), and is
-- a revision when they differ by more than the rounding of the figures compared allows: half a
-- unit of the last digit of the least precise value on either side (int_reported_grain_change.
-- half_unit), so a monthly "93" against weekly figures averaging 93.04 is none, a monthly "93.5"
-- is one (written to a tenth, it cannot be a rounding of 93.04). The least precise value decides
-- because it says least: within half its last unit both sides may be the same figure. A sum is
-- held to the same half unit, not to the sum of its values' ones, since counts and amounts are
-- mostly written exactly and whole units would otherwise slip through. Such a revision is
-- labelled by its period of the common grain (period_date is that period's first day) and
-- names every file behind either side (previous_file_names, revised_file_names).
-- Withdrawn: a new version of a document (same version_key) replaces it whole, so a period the
-- previous version held and the new one no longer holds is withdrawn (direction 'withdrawn',
-- revised_value null), when the withdrawn value was the latest delivered for the period. Where
-- the new version holds the period only in a row it could not read (quarantined), the direction
-- is 'unreadable' and the row and its reason are named: a typo is no withdrawal.
-- period_start / period_end / period_label: the period of the common grain the value counts
-- in (dim_date, by stg_observation.placement_date), as every other finding is labelled.
-- Grain: one row per statement, period (at the source's grain; of the common grain where
-- restated at another grain) and revising delivery.
create or replace table fct_retroactive_revision as
with

per_delivery as (
    select statement_key, period_grain, period_start, document_key, load_id,
           min(source_id)            as source_id,
           min(department_code)      as department_code,
           min(metric_name)          as metric_name,
           min(placement_date)       as placement_date,
           min(next_version_load_id) as next_version_load_id,
           min(received_at)          as received_at,
           plumbline_sum(metric_value) as metric_value
    from int_observation_current
    group by statement_key, period_grain, period_start, document_key, load_id
),

-- A period the next version of the same document no longer holds: withdrawn by that version.
withdrawals as (
    select p.statement_key, p.period_grain, p.period_start, p.document_key,
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
                        and q.period_grain = p.period_grain
                        and q.period_start = p.period_start)
),

-- A period the next version still holds in a row it could not read (quarantined: "n/a" typed
-- over a figure, a stray letter) was not withdrawn by whoever sent it: it is unreadable. Such a
-- row is found by the withdrawn value's period as written (its period column's text, or a
-- periods-across header) and, where the row names its metric, by that name; the first one found
-- is named with its reason. Few rows either way: only withdrawals and quarantined rows meet.
withdrawn_period_texts as (
    select w.load_id, w.statement_key, w.period_grain, w.period_start, w.metric_name,
           list(distinct trim(o.period_text)) as period_texts
    from withdrawals as w
    join stg_observation as o
      on o.load_id = w.withdrawn_load_id and o.period_grain = w.period_grain and o.period_start = w.period_start
     and o.metric_name = w.metric_name
    group by all
),

unreadable as (
    select t.load_id, t.statement_key, t.period_grain, t.period_start,
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
    window w as (partition by statement_key, period_grain, period_start, document_key order by received_at, load_id)
),

revised as (
    select s.*, s.withdrawn_load_id is not null as is_withdrawal,
           u.quarantined_sheet_name, u.quarantined_row_number, u.quarantine_reason
    from sequenced as s
    left join unreadable as u
      on s.withdrawn_load_id is not null
     and u.load_id = s.load_id and u.statement_key = s.statement_key and u.period_grain = s.period_grain
     and u.period_start = s.period_start
    where s.previous_load_id is not null
      and s.previous_value is not null
      and (abs(s.metric_value - s.previous_value) > 1e-9          -- a changed value
           or s.withdrawn_load_id = s.previous_load_id)            -- the latest value, withdrawn
),

-- Restated at another grain: each side of a grain change as the report combines it, and how
-- precisely its least precise value was written.
grain_change_sides as (
    select g.statement_key, g.common_period_start, g.revised_load_id, g.revised_grain, g.side,
           any_value(g.previous_grain)                                                     as previous_grain,
           any_value(g.department_code)                                                    as department_code,
           plumbline_reported_figure(k.aggregation, g.metric_value, g.is_missing_exchange_rate) as figure,
           count(distinct g.period_start)                                                  as value_count,
           max(g.half_unit)                                                                as half_unit,
           max(g.received_at)                                                              as received_at,
           arg_max(g.load_id, (g.received_at, g.load_id))                                  as latest_load_id,
           min(g.source_id) filter (where g.load_id = g.revised_load_id)                   as source_id,
           min(g.metric_name) filter (where g.load_id = g.revised_load_id)                 as metric_name
    from int_reported_grain_change as g
    join dim_kpi as k using (kpi_id)
    group by g.statement_key, g.common_period_start, g.revised_load_id, g.revised_grain, g.side
),

-- The files behind each side, in the order they arrived.
grain_change_files as (
    select g.statement_key, g.common_period_start, g.revised_load_id, g.revised_grain, g.side,
           list(a.file_name order by a.received_at, a.load_id) as file_names
    from (select distinct statement_key, common_period_start, revised_load_id, revised_grain, side, load_id
          from int_reported_grain_change) as g
    join load_audit as a using (load_id)
    group by all
),

grain_changes as (
    select r.source_id, r.department_code, r.metric_name, r.statement_key,
           r.revised_grain                                  as period_grain,
           r.common_period_start                            as period_start,
           r.common_period_start                            as placement_date,
           p.latest_load_id                                 as previous_load_id,
           p.received_at                                    as previous_received_at,
           p.figure                                         as previous_value,
           r.revised_load_id                                as load_id,
           v.received_at,
           r.figure                                         as metric_value,
           false                                            as is_withdrawal,
           p.previous_grain,
           p.value_count                                    as previous_value_count,
           r.value_count                                    as revised_value_count,
           pf.file_names                                    as previous_file_names,
           rf.file_names                                    as revised_file_names
    from grain_change_sides as r
    join grain_change_sides as p
      on p.statement_key = r.statement_key and p.common_period_start = r.common_period_start
     and p.revised_load_id = r.revised_load_id and p.revised_grain = r.revised_grain and p.side = 'previous'
    join grain_change_files as pf
      on pf.statement_key = p.statement_key and pf.common_period_start = p.common_period_start
     and pf.revised_load_id = p.revised_load_id and pf.revised_grain = p.revised_grain and pf.side = p.side
    join grain_change_files as rf
      on rf.statement_key = r.statement_key and rf.common_period_start = r.common_period_start
     and rf.revised_load_id = r.revised_load_id and rf.revised_grain = r.revised_grain and rf.side = r.side
    join load_audit as v on v.load_id = r.revised_load_id
    where r.side = 'revised'
      and abs(r.figure - p.figure) > greatest(r.half_unit, p.half_unit, 1e-9)
),

revisions as (
    select source_id, department_code, metric_name, statement_key, period_grain, period_start, placement_date,
           previous_load_id, previous_received_at, previous_value, load_id, received_at, metric_value,
           is_withdrawal, quarantined_sheet_name, quarantined_row_number, quarantine_reason,
           period_grain as previous_grain, 1::bigint as previous_value_count, 1::bigint as revised_value_count,
           null::varchar[] as previous_file_names, null::varchar[] as revised_file_names
    from revised
    union all by name
    select * from grain_changes
),

final as (
    select r.source_id || '/' || r.metric_name || '/' || r.period_start || '/load ' || r.load_id
               || case when r.previous_grain <> r.period_grain then '/' || r.previous_grain || ' to ' || r.period_grain
                       else '' end                  as finding_key,
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
           r.previous_grain,
           r.period_grain                                   as revised_grain,
           r.previous_value_count,
           r.revised_value_count,
           coalesce(r.previous_file_names, [previous.file_name]) as previous_file_names,
           coalesce(r.revised_file_names, [revising.file_name])  as revised_file_names,
           (select config_version from run_context)        as config_version
    from revisions as r
    join load_audit as previous on previous.load_id = r.previous_load_id
    join load_audit as revising on revising.load_id = r.load_id
    left join dim_date as d on d.calendar_date = r.placement_date
    left join dim_kpi_local_name as n
      on n.department_code = r.department_code and n.local_name = r.metric_name
    left join dim_kpi as k on k.kpi_id = n.kpi_id
)

select * from final;

comment on table fct_retroactive_revision is 'Values of already-delivered periods changed or withdrawn by a later delivery, or restated at another grain; one row per statement, period and revising delivery.';

-- What each column means, for analysts reading the warehouse (DuckDB CLI, DBeaver) and for
-- docs/data-dictionary.md.
comment on column fct_retroactive_revision.finding_key is 'source/metric/period/revising load (the type''s own key); restated at another grain, followed by the grains (prod_monthly/Units/2025-03-01/load 5/week to month).';
comment on column fct_retroactive_revision.source_id is 'The source (sources.yml).';
comment on column fct_retroactive_revision.department_code is 'The department (departments.yml).';
comment on column fct_retroactive_revision.metric_name is 'The metric''s name: a system-of-record measure or the department''s local KPI name.';
comment on column fct_retroactive_revision.kpi_id is 'The KPI the metric maps to; null where none.';
comment on column fct_retroactive_revision.statement_key is 'What the value states (int_observation_current): a department''s KPI (department PROD, KPI units_produced) or a source''s metric.';
comment on column fct_retroactive_revision.period_date is 'The period the value describes, by its first day at the source''s grain (a week''s Monday, a month''s 1st, the day); restated at another grain, the first day of the period of the common grain.';
comment on column fct_retroactive_revision.iso_week is 'The ISO week of period_date.';
comment on column fct_retroactive_revision.period_start is 'First day of the period of the common grain the value counts in (calendar.yml: common_grain).';
comment on column fct_retroactive_revision.period_end is 'Last day of that period.';
comment on column fct_retroactive_revision.period_label is 'That period: 2025-W31, 2025-07 or FY2025-P07.';
comment on column fct_retroactive_revision.previous_load_id is 'The load with the earlier value; restated at another grain, the latest of the loads whose values made the earlier figure.';
comment on column fct_retroactive_revision.previous_file_name is 'Its file.';
comment on column fct_retroactive_revision.previous_received_at is 'When it was received.';
comment on column fct_retroactive_revision.previous_value is 'The earlier value; restated at another grain, the earlier grain''s values in force then, combined by the KPI''s aggregation (mean or sum) as the report combines them.';
comment on column fct_retroactive_revision.revised_load_id is 'The load with the changed value, or the new version that no longer holds the period.';
comment on column fct_retroactive_revision.revised_file_name is 'Its file.';
comment on column fct_retroactive_revision.revised_received_at is 'When it was received.';
comment on column fct_retroactive_revision.revised_value is 'The changed value; null where it was withdrawn; restated at another grain, the revising grain''s values in force after the delivery, combined as previous_value.';
comment on column fct_retroactive_revision.revision is 'Revised minus previous value; null where it was withdrawn.';
comment on column fct_retroactive_revision.revision_percent is 'The revision as a percentage of the previous value.';
comment on column fct_retroactive_revision.direction is 'up, down, withdrawn, or unreadable (the new version holds the period in a row it could not read, quarantined).';
comment on column fct_retroactive_revision.is_withdrawal is 'The newest version of the previous value''s document no longer holds the period, or holds it only in a quarantined row (direction unreadable).';
comment on column fct_retroactive_revision.quarantined_sheet_name is 'Where the direction is unreadable: the sheet of the new version''s quarantined row that holds the period ('''' for a flat file).';
comment on column fct_retroactive_revision.quarantined_row_number is 'That row (Excel) or line (editor); null unless the direction is unreadable.';
comment on column fct_retroactive_revision.quarantine_reason is 'Why that row was quarantined (raw_quarantine.reason).';
comment on column fct_retroactive_revision.is_flattering is 'The revision moves the KPI towards better: polishing after the fact.';
comment on column fct_retroactive_revision.previous_grain is 'The grain of the earlier value (day, week or month); another than revised_grain where the figure was restated at another grain.';
comment on column fct_retroactive_revision.revised_grain is 'The grain of the revised value.';
comment on column fct_retroactive_revision.previous_value_count is 'How many periods at previous_grain the earlier value combines (4 weekly figures for a month); 1 for a revision at one grain.';
comment on column fct_retroactive_revision.revised_value_count is 'How many periods at revised_grain the revised value combines.';
comment on column fct_retroactive_revision.previous_file_names is 'Every file the earlier value''s values came from, in the order received (one for a revision at one grain).';
comment on column fct_retroactive_revision.revised_file_names is 'Every file the revised value''s values came from, in the order received; the revising file is among them.';
comment on column fct_retroactive_revision.config_version is 'The governance config version (SHA-256 of the files) the run used; its files: v_config_version.';
