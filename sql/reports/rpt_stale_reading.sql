-- rpt_stale_reading: the data-quality appendix's sources whose figures come, in part, from files
-- read under other settings than the source has now (a changed entry in sources.yml, a department's
-- alias for a department column, a KPI's unit or valid range: ReadingSettings.java): their values stay
-- as the earlier settings read them until plumbline reload reads the files again (the department a
-- source is given and the KPIs its names stand for follow the config at every run: ReadingDrift). Each load counts by
-- its latest reading (load_settings, ledger V15); one read before V15 has no fingerprint and is not
-- counted (unknown, not read under other settings). Loads received up to the as-of date, as the
-- report's figures are.
-- Grain: one row per configured source with at least one load read under other settings.
create or replace table rpt_stale_reading as
with

loads as (
    select * from load_settings
    where received_at < (select as_of_date from run_context) + interval 1 day
),

sources as (
    select s.source_id, s.settings_fingerprint,
           coalesce(s.system_name, d.department_name, s.department_code) as source_owner
    from dim_source as s
    left join dim_department as d using (department_code)
),

final as (
    select s.source_id,
           any_value(s.source_owner) as source_owner,
           count(*) filter (where l.settings_fingerprint <> s.settings_fingerprint) as stale_file_count,
           count(*) as loaded_file_count
    from loads as l
    join sources as s using (source_id)
    group by s.source_id
    having count(*) filter (where l.settings_fingerprint <> s.settings_fingerprint) > 0
)

select * from final order by source_id;

comment on table rpt_stale_reading is 'The data-quality appendix''s sources whose figures come, in part, from files last read under other settings than the source has now (ledger V15); one row per such source. plumbline reload --source ID reads them again.';
comment on column rpt_stale_reading.source_id is 'The source (sources.yml).';
comment on column rpt_stale_reading.source_owner is 'Whose files they are, as the PDF names them: the system of record (MES, ERP…), else the source''s department.';
comment on column rpt_stale_reading.stale_file_count is 'Its loaded files (received up to the as-of date) whose latest reading was made under other settings than dim_source.settings_fingerprint.';
comment on column rpt_stale_reading.loaded_file_count is 'Its loaded files received up to the as-of date, whatever they were read under (those read before ledger V15 included: unknown).';
