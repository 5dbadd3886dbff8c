-- stg_observation: every value the sources delivered up to the as-of date, typed.
-- Grain: one row per raw row per metric column of its source (layout rows excluded).
-- Reads only the ledger and the source definitions: it renames and types, it does not
-- interpret. `problem` says why a value could not be typed; such rows stay visible here
-- and are left out downstream.
create or replace table stg_observation as
with

context as (
    select as_of_date from run_context
),

received_rows as (
    select r.*, s.column_names
    from raw_row as r
    join raw_sheet as s using (load_id, sheet_name)
    where not r.is_layout
      and r.received_at < (select as_of_date from context) + interval 1 day
),

source_attributes as (
    select source_id,
           any_value(column_name) filter (where attribute = 'part_id')    as part_id_column,
           any_value(column_name) filter (where attribute = 'part_class') as part_class_column,
           any_value(column_name) filter (where attribute = 'lot_id')     as lot_id_column
    from dim_source_attribute
    group by source_id
),

located as (
    select r.load_id,
           r.source_id,
           src.department_code,
           src.kind as source_kind,
           src.period_grain,
           r.sheet_name,
           r.row_number,
           r.received_at,
           r.version_key,
           m.metric_ordinal,
           m.metric_name,
           m.scale,
           m.constant_value,
           src.decimal_mark,
           src.date_format,
           trim(r.fields[list_position(r.column_names, src.period_column)]) as period_text,
           trim(r.fields[list_position(r.column_names, m.column_name)])     as value_text,
           r.fields[list_position(r.column_names, a.part_id_column)]        as part_id,
           r.fields[list_position(r.column_names, a.part_class_column)]     as part_class,
           r.fields[list_position(r.column_names, a.lot_id_column)]         as lot_id
    from received_rows as r
    join dim_source as src using (source_id)
    join dim_source_metric as m using (source_id)
    left join source_attributes as a using (source_id)
),

typed as (
    select *,
           -- strptime needs a constant format, so each supported format is spelled out here
           -- (sources.yml accepts exactly these); without one, ISO dates and timestamps.
           case date_format
               when '%Y-%m-%d' then try_strptime(period_text, '%Y-%m-%d')
               when '%d.%m.%Y' then try_strptime(period_text, '%d.%m.%Y')
               when '%d.%m.%y' then try_strptime(period_text, '%d.%m.%y')
               when '%d/%m/%Y' then try_strptime(period_text, '%d/%m/%Y')
               when '%m/%d/%Y' then try_strptime(period_text, '%m/%d/%Y')
               when '%d-%m-%Y' then try_strptime(period_text, '%d-%m-%Y')
               when '%Y/%m/%d' then try_strptime(period_text, '%Y/%m/%d')
               when '%Y%m%d'   then try_strptime(period_text, '%Y%m%d')
               else try_cast(substr(period_text, 1, 10) as date)
           end::date as period_date,
           case
               when constant_value is not null then constant_value
               when decimal_mark = ','
                   then try_cast(replace(regexp_replace(value_text, '[.\s%]', '', 'g'), ',', '.') as double)
               else try_cast(regexp_replace(value_text, '[,\s%]', '', 'g') as double)
           end * scale as metric_value
    from located
),

final as (
    select load_id,
           source_id,
           department_code,
           source_kind,
           sheet_name,
           row_number,
           received_at,
           version_key,
           metric_ordinal,
           metric_name,
           period_text,
           value_text,
           period_date,
           date_trunc('week', period_date)::date              as week_start,
           strftime(date_trunc('week', period_date), '%G-W%V') as iso_week,
           metric_value,
           part_id,
           part_class,
           lot_id,
           case
               when period_date is null
                   then 'The period "' || coalesce(period_text, '') || '" is not a date.'
               when metric_value is null and value_text is not null
                   then 'The value "' || value_text || '" is not a number.'
           end as problem
    from typed
    where constant_value is not null or value_text is not null or period_date is null
)

select * from final
