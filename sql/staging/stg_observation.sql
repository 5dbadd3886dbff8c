-- stg_observation: every value the sources delivered up to the as-of date, typed.
-- Grain: one row per loaded value: a raw row and the column (or, for periods across the
-- columns, the period column) it was under. Values are typed, scaled and converted to the
-- KPI's unit when the file is loaded (raw_value, ledger V2; a view over raw_record_value and
-- raw_record since V6); rows that could not be typed are in raw_quarantine, not here.
-- is_current_version: the value comes from the newest file of its version key received by
-- the as-of date; earlier versions stay visible here for the reconciliation of edits.
-- period_grain: what the period describes (day, week, month): the value's table's, else its source's.
create or replace table stg_observation as
with

context as (
    select as_of_date from run_context
),

received_loads as (
    select load_id, source_id, received_at, version_key,
           load_id = max(load_id) over (partition by version_key) as is_current_version
    from load_audit
    where received_at < (select as_of_date from context) + interval 1 day
),

final as (
    select v.load_id,
           l.source_id,
           src.department_code,
           src.kind as source_kind,
           v.sheet_name,
           v.row_number,
           l.received_at,
           l.version_key,
           l.is_current_version,
           list_position(s.column_names, v.column_name)         as metric_ordinal,
           v.column_name,
           v.metric_name,
           v.period_text,
           v.value_text,
           v.period_date,
           coalesce(tbl.period_grain, src.period_grain)         as period_grain,
           date_trunc('week', v.period_date)::date              as week_start,
           strftime(date_trunc('week', v.period_date), '%G-W%V') as iso_week,
           v.value                                               as metric_value,
           v.part_id,
           v.part_class,
           v.lot_id
    from raw_value as v
    join received_loads as l using (load_id)
    join raw_sheet as s using (load_id, sheet_name, table_name)   -- its table's header (ledger V10)
    join dim_source as src on src.source_id = l.source_id
    -- a table of a sheet of several may have its own grain (a monthly table below a weekly one)
    left join dim_source_table as tbl on tbl.source_id = l.source_id and tbl.table_name = v.table_name
)

select * from final
