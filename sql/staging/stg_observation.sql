-- stg_observation: every value the sources delivered up to the as-of date, typed.
-- Grain: one row per loaded value: a raw row and the column (or, for periods across the
-- columns, the period column) it was under. Values are typed, scaled and converted to the
-- KPI's unit when the file is loaded (raw_value, ledger V2; a view over raw_record_value and
-- raw_record since V6); rows that could not be typed are in raw_quarantine, not here.
-- is_current_version: the value comes from the newest file of its version key received by
-- the as-of date; earlier versions stay visible here for the reconciliation of edits.
-- next_version_load_id: the load of the version that replaced this value's file (the next file
-- of its version key received by the as-of date); null for the newest. A new version replaces
-- the whole document, so a period it no longer holds is withdrawn (int_observation_current,
-- fct_retroactive_revision).
-- department_code: the department the value is about: the one its row names where its source reads
-- each row's department from a column (sources.yml: department_column; one export covering several
-- departments), else the source's department.
-- period_grain: what the period describes (day, week, month): the value's table's, else its source's.
-- period_start: the first day of the period the value describes at that grain. Any day of a
-- week or month names that week or month ("week ending" Friday 10.01.2025 is ISO week 2025-W02;
-- 31.01.2025 in a monthly source is January), so two datings of one period are one period.
-- placement_date: the day that places the value in a period of the common grain (dim_date): a
-- week's Thursday (an ISO week belongs to the month, like the year, its Thursday is in), else
-- period_start.
create or replace table stg_observation as
with

context as (
    select as_of_date from run_context
),

received_loads as (
    select load_id, source_id, received_at, version_key,
           lead(load_id) over (partition by version_key order by load_id) as next_version_load_id
    from load_audit
    where received_at < (select as_of_date from context) + interval 1 day
),

typed as (
    select v.load_id,
           l.source_id,
           -- the department the row names (a plant-wide export's department_column, read at load:
           -- ledger V14), else the source's
           coalesce(v.department_code, src.department_code) as department_code,
           src.kind as source_kind,
           v.sheet_name,
           v.row_number,
           l.received_at,
           l.version_key,
           l.next_version_load_id is null                       as is_current_version,
           l.next_version_load_id,
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
    join raw_sheet_latest as s using (load_id, sheet_name, table_name)   -- its table's header (V10), latest reading (V13)
    join dim_source as src on src.source_id = l.source_id
    -- a table of a sheet of several may have its own grain (a monthly table below a weekly one)
    left join dim_source_table as tbl on tbl.source_id = l.source_id and tbl.table_name = v.table_name
),

final as (
    select t.*,
           case t.period_grain when 'week' then t.week_start
                               when 'month' then date_trunc('month', t.period_date)::date
                               else t.period_date end        as period_start,
           case t.period_grain when 'week' then t.week_start + 3
                               when 'month' then date_trunc('month', t.period_date)::date
                               else t.period_date end        as placement_date
    from typed as t
)

select * from final
