-- fct_retroactive_revision: a value for a period that had already been delivered changed in a
-- later delivery: which file, which period, which direction and how much. A revision that moves
-- a KPI towards "better" (up for higher-is-better, down for lower-is-better) is flagged as
-- flattering: the "polishing" of figures after the fact. Deliveries are compared as
-- int_observation_current replaces them: a self-reported source per metric and period, a
-- system of record per file sent again under the same name (document_key).
-- Grain: one row per source, metric, period and revising delivery.
create or replace table fct_retroactive_revision as
with

per_delivery as (
    select source_id, department_code, metric_name, period_date, iso_week, document_key, load_id,
           min(received_at)  as received_at,
           sum(metric_value) as metric_value
    from int_observation_current
    group by all
),

sequenced as (
    select *,
           lag(metric_value) over w as previous_value,
           lag(load_id)      over w as previous_load_id,
           lag(received_at)  over w as previous_received_at
    from per_delivery
    window w as (partition by source_id, metric_name, period_date, document_key order by received_at, load_id)
),

revised as (
    select * from sequenced
    where previous_load_id is not null and abs(metric_value - previous_value) > 1e-9
),

final as (
    select r.source_id || '/' || r.metric_name || '/' || r.period_date || '/load ' || r.load_id as finding_key,
           r.source_id,
           r.department_code,
           r.metric_name,
           n.kpi_id,
           r.period_date,
           r.iso_week,
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
           case when r.metric_value > r.previous_value then 'up' else 'down' end as direction,
           coalesce((k.direction = 'higher_is_better' and r.metric_value > r.previous_value)
                 or (k.direction = 'lower_is_better' and r.metric_value < r.previous_value), false) as is_flattering,
           (select config_version from run_context)        as config_version
    from revised as r
    join load_audit as previous on previous.load_id = r.previous_load_id
    join load_audit as revising on revising.load_id = r.load_id
    left join dim_kpi_local_name as n
      on n.department_code = r.department_code and n.local_name = r.metric_name
    left join dim_kpi as k on k.kpi_id = n.kpi_id
)

select * from final;

comment on table fct_retroactive_revision is 'Values of already-delivered periods changed by a later delivery; one row per source, metric, period and revising delivery.';

-- What each column means, for analysts reading the warehouse (DuckDB CLI, DBeaver) and for
-- docs/data-dictionary.md.
comment on column fct_retroactive_revision.finding_key is 'source/metric/period/revising load (the type''s own key).';
comment on column fct_retroactive_revision.source_id is 'The source (sources.yml).';
comment on column fct_retroactive_revision.department_code is 'The department (departments.yml).';
comment on column fct_retroactive_revision.metric_name is 'The metric''s name: a system-of-record measure or the department''s local KPI name.';
comment on column fct_retroactive_revision.kpi_id is 'The KPI the metric maps to; null where none.';
comment on column fct_retroactive_revision.period_date is 'The period the value describes.';
comment on column fct_retroactive_revision.iso_week is 'The ISO week of the period.';
comment on column fct_retroactive_revision.previous_load_id is 'The load with the earlier value.';
comment on column fct_retroactive_revision.previous_file_name is 'Its file.';
comment on column fct_retroactive_revision.previous_received_at is 'When it was received.';
comment on column fct_retroactive_revision.previous_value is 'The earlier value.';
comment on column fct_retroactive_revision.revised_load_id is 'The load with the changed value.';
comment on column fct_retroactive_revision.revised_file_name is 'Its file.';
comment on column fct_retroactive_revision.revised_received_at is 'When it was received.';
comment on column fct_retroactive_revision.revised_value is 'The changed value.';
comment on column fct_retroactive_revision.revision is 'Revised minus previous value.';
comment on column fct_retroactive_revision.revision_percent is 'The revision as a percentage of the previous value.';
comment on column fct_retroactive_revision.direction is 'up or down.';
comment on column fct_retroactive_revision.is_flattering is 'The revision moves the KPI towards better: polishing after the fact.';
comment on column fct_retroactive_revision.config_version is 'The governance config version (SHA-256 of the files) the run used; its files: v_config_version.';
