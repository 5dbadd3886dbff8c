-- Types every row of the file being loaded against its source's column map, inside the
-- load's transaction. Grain of incoming_value: one row per value cell a data row carries
-- (layout rows and rows a reader could not split carry none); problem says, in a sentence,
-- why a cell could not be typed or mapped. A row with any problem is quarantined whole by
-- append_to_ledger.sql, so a row is never half-loaded. Every row of a file passes through
-- here, so each expression is written for millions of rows (bench/RESULTS.md).
create or replace temp table incoming_value as
with

settings as (
    select * from incoming_load
),

read_rows as (
    select r.sheet_name, r.row_number, r.fields, r.problem, s.column_names,
           coalesce(regexp_matches(r.fields[list_position(s.column_names, l.skip_column)], l.skip_pattern),
                    false) as is_layout
    from incoming_row as r
    join incoming_sheet as s using (sheet_name)
    cross join settings as l
),

data_rows as (
    select r.*,
           r.fields[list_position(r.column_names, l.period_column)] as row_period_text,
           r.fields[list_position(r.column_names, a.part_id)]       as part_id,
           r.fields[list_position(r.column_names, a.part_class)]    as part_class,
           r.fields[list_position(r.column_names, a.lot_id)]        as lot_id
    from read_rows as r
    cross join settings as l
    cross join (
        select any_value(column_name) filter (where attribute = 'part_id')    as part_id,
               any_value(column_name) filter (where attribute = 'part_class') as part_class,
               any_value(column_name) filter (where attribute = 'lot_id')     as lot_id
        from incoming_attribute
    ) as a
    where not r.is_layout and r.problem is null and l.shape <> 'rows_only'
),

-- A column per metric: each configured column of each row is a value cell.
column_per_metric as (
    select r.sheet_name, r.row_number, m.column_name, m.metric_name, r.row_period_text as period_text,
           r.fields[list_position(r.column_names, m.column_name)] as value_text,
           m.factor, m.percent_factor, m.constant_value, r.part_id, r.part_class, r.lot_id
    from data_rows as r
    cross join incoming_metric as m
    where (select shape from settings) = 'column_per_metric'
),

-- A metric per row: the metric's name and its value are in two columns.
metric_per_row as (
    select r.sheet_name, r.row_number, l.value_column as column_name,
           trim(r.fields[list_position(r.column_names, l.metric_column)]) as metric_name,
           r.row_period_text as period_text,
           r.fields[list_position(r.column_names, l.value_column)] as value_text,
           r.part_id, r.part_class, r.lot_id
    from data_rows as r
    cross join settings as l
    where l.shape = 'metric_per_row'
),

-- Periods across the columns: every column whose header is a period holds a value of the
-- metric named in the row; other columns (the metric's name, a totals column) hold none.
periods_across as (
    select r.sheet_name, r.row_number, r.column_names[i] as column_name,
           trim(r.fields[list_position(r.column_names, l.metric_column)]) as metric_name,
           r.column_names[i] as period_text,
           r.fields[i] as value_text,
           r.part_id, r.part_class, r.lot_id
    from data_rows as r
    cross join settings as l
    cross join lateral (select unnest(generate_series(1, len(r.column_names))) as i)
    where l.shape = 'periods_across'
      and i <> list_position(r.column_names, l.metric_column)
      and plumbline_period(r.column_names[i], l.date_format) is not null
),

named_cells as (
    select c.*, coalesce(m.factor, d.factor, 1) as factor,
           coalesce(m.percent_factor, d.percent_factor) as percent_factor,
           null::double as constant_value
    from (select * from metric_per_row union all select * from periods_across) as c
    left join incoming_metric as m on m.metric_name = c.metric_name
    -- a metric the config says nothing about is taken as stated; "98 %" stays 98
    cross join (select 1.0 as factor, 1.0 as percent_factor) as d
),

cells as (
    select sheet_name, row_number, column_name, metric_name, period_text, value_text, factor,
           percent_factor, constant_value, part_id, part_class, lot_id
    from column_per_metric
    union all
    select sheet_name, row_number, column_name, metric_name, period_text, value_text, factor,
           percent_factor, constant_value, part_id, part_class, lot_id
    from named_cells
),

typed as (
    select c.*,
           plumbline_period(c.period_text, l.date_format) as period_date,
           nullif(trim(c.value_text), '') as value_trimmed,
           contains(c.value_text, '%') as is_percent_text,
           -- A plain number needs no clean-up; only text such as "1 234,5 %" goes through the
           -- regular expressions, which cost more than the rest of the typing together. With a
           -- decimal comma a plain cast would read "1.500" (fifteen hundred) as 1.5: no shortcut.
           coalesce(case when l.decimal_mark = '.' then try_cast(trim(c.value_text) as double) end,
                    try_cast(case
                                 when l.decimal_mark = ','
                                     then replace(regexp_replace(c.value_text, '[.\s%''\x{00A0}\x{202F}]', '', 'g'), ',', '.')
                                 else regexp_replace(c.value_text, '[,\s%''\x{00A0}\x{202F}]', '', 'g')
                             end as double)) as number
    from cells as c
    cross join settings as l
),

final as (
    select sheet_name, row_number, column_name, metric_name, period_text, period_date, value_text,
           case
               when constant_value is not null then constant_value
               when is_percent_text then number * percent_factor
               else number * factor
           end as value,
           part_id, part_class, lot_id,
           case
               when metric_name is null or metric_name = ''
                   then 'The metric name is missing: the column "' || (select metric_column from settings)
                        || '" is empty in this row.'
               when period_date is null and (constant_value is not null or value_trimmed is not null
                                             or (select shape from settings) <> 'periods_across')
                   then 'The period "' || coalesce(period_text, '') || '" in column "'
                        || coalesce((select period_column from settings), column_name) || '" is not a date'
                        || coalesce(' in the format ' || (select date_format from settings), '') || '.'
               when constant_value is null and value_trimmed is not null and number is null
                   then 'The value "' || value_text || '" in column "' || column_name || '" is not a number.'
               when constant_value is null and value_trimmed is not null and is_percent_text and percent_factor is null
                   then 'The value "' || value_text || '" in column "' || column_name
                        || '" is a percentage, but its KPI is not measured as a ratio.'
           end as problem
    from typed
    where constant_value is not null or value_trimmed is not null or period_date is null
)

select * from final
;

-- The rows that are quarantined, with why: a row a reader could not split, or a row with a
-- value that could not be typed or mapped. Small (only the rows with a problem), so the
-- appends below test membership against it instead of joining a verdict for every row.
create or replace temp table incoming_problem as
select sheet_name, row_number, string_agg(distinct problem, ' ' order by problem) as reason
from incoming_value
where problem is not null
group by all
union all
select sheet_name, row_number, problem
from incoming_row
where problem is not null;

-- A source whose versions are told apart by the periods they cover gets its key from them.
update incoming_load
set version_key = source_id || '/periods ' || strftime(p.first_period, '%Y-%m-%d') || '..'
                  || strftime(p.last_period, '%Y-%m-%d')
from (select min(v.period_date) as first_period, max(v.period_date) as last_period
      from incoming_value as v
      where (select version_by_periods from incoming_load)
        and not exists (select 1 from incoming_problem as q
                        where q.sheet_name = v.sheet_name and q.row_number = v.row_number)) as p
where version_by_periods and p.first_period is not null
