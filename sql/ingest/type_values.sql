-- Types every row of the file being loaded against its source's column map, inside the
-- load's transaction. Grain of incoming_value: one row per value cell a data row carries
-- (layout rows and rows a reader could not split carry none); problem says, in a sentence,
-- why a cell could not be typed or mapped. A row with any problem is quarantined whole by
-- append_to_ledger.sql, so a row is never half-loaded.
-- Every row of a file passes through here, so it is written for millions of rows: the
-- settings are joined once (one row, so their columns stay constant vectors), each sheet's
-- column positions are looked up once per sheet rather than per row, and no scalar subquery
-- is evaluated per row. incoming_value is typed once into a temp table, which the problem
-- list below and the append read: for a large file that costs what evaluating a view twice
-- costs (5 million rows: 7.44 s against 7.42 s for the whole load), and for the many small
-- files of a nightly run it saves planning this statement a second time, ≈ 20 ms a file
-- (bench/RESULTS.md). DuckDB keeps a temp table within its memory limit, spilling to disk.

-- Per sheet (per table, on a sheet of several): where each configured column is (null when the
-- table does not read it), and how the table is read (its shape, columns and date format: the source's, or
-- the table's own where sources.yml gives them). Kept in the ledger with the sheet (raw_sheet), so a value's texts can
-- be found in its row's fields. A row belongs to the table whose first_row..last_row holds it;
-- a row between tables is in no table (its reader gave it a problem: it is quarantined).
create or replace temp table incoming_position as
select s.sheet_name, s.table_name, s.first_row, s.last_row, s.column_names,
       list_position(s.column_names, t.skip_column)   as skip_pos,
       list_position(s.column_names, t.period_column) as period_pos,
       list_position(s.column_names, t.metric_column) as metric_pos,
       list_position(s.column_names, t.value_column)  as value_pos,
       list_position(s.column_names, t.part_id)       as part_id_pos,
       list_position(s.column_names, t.part_class)    as part_class_pos,
       list_position(s.column_names, t.lot_id)        as lot_id_pos,
       list_position(s.column_names, t.department_column) as department_pos,
       t.shape, t.grain, t.skip_pattern, t.period_column, t.metric_column, t.value_column, t.date_format,
       t.department_column, l.decimal_mark
from incoming_sheet as s
join incoming_table as t using (table_name)   -- each table read under its own settings (LoadSettings)
cross join incoming_load as l;

-- Which cells of a table's rows are value cells, one row each, with the table's position
-- columns beside them: a column per metric yields one per configured column (or constant), a
-- metric per row its value column, periods across each column whose header is a period (not
-- the metric's name). The metric's name is the configured one, or (named) the row's own. A
-- rows_only table has none. Small (a row per table and cell), so every data row of the file
-- meets it in one join, and nothing of the file's size is split three ways: a plan that fans
-- millions of rows out to a branch per shape is what DuckDB may choose to materialise, and a
-- lateral unnest over them it decorrelates with a window over every row (seconds either way).
create or replace temp table incoming_cell as
select p.*, m.column_name as cell_column,
       case when m.column_name is not null then list_position(p.column_names, m.column_name) end
           as value_position,                                           -- null for a constant
       m.metric_name as configured_metric, null::varchar as header_period, false as named
from incoming_position as p
join incoming_metric as m on m.table_name = p.table_name
where p.shape = 'column_per_metric'
union all
select p.*, p.value_column, p.value_pos, null, null, true
from incoming_position as p
where p.shape = 'metric_per_row'
union all
select p.* exclude (i), p.column_names[i], i, null, p.column_names[i], true
from (select *, unnest(generate_series(1, len(column_names))) as i
      from incoming_position
      where shape = 'periods_across') as p
where i <> p.metric_pos
  and plumbline_period_at(p.column_names[i], p.date_format, p.grain) is not null;

-- plumbline_either_number and plumbline_two_readings, for a workbook's numbers typed as text,
-- come from LoadSettings: workbook_numbers.sql for a workbook source that declares no decimal
-- mark, plain_numbers.sql (no reading, no reason) for the others, which never reach them (their
-- decimal_mark is never ''), so that their files do not pay for planning them.

create or replace temp table incoming_value as
with

cells as (
    select r.sheet_name, r.row_number, c.table_name, c.cell_column as column_name,
           c.value_position::integer as value_position,
           -- one spelling of each letter (NFC), as the config's names have (YamlReader): "Qualität"
           -- from a Mac is a + U+0308 and would otherwise be another metric
           case when c.named then nfc_normalize(trim(r.fields[c.metric_pos])) else c.configured_metric end
               as metric_name,
           coalesce(c.header_period, r.fields[c.period_pos]) as period_text,
           r.fields[c.value_position] as value_text,
           -- what the workbook's cells are (incoming.sql, incoming_row_joined); null for other files
           case when r.kinds is not null then coalesce(nullif(substr(r.kinds, c.value_position, 1), ''), 'n') end
               as value_kind,
           r.kinds, c.period_pos,   -- the period cell's kind, looked up only where the period is no date
           c.named, c.date_format, c.grain, c.decimal_mark, c.period_column, c.metric_column, c.shape
    from incoming_row as r
    join incoming_cell as c
      on c.sheet_name = r.sheet_name
     and r.row_number between coalesce(c.first_row, 0) and coalesce(c.last_row, 2147483647)
    where r.problem is null
      -- a layout row (totals) carries no value; the same test as in append_to_ledger.sql
      and not coalesce(regexp_matches(r.fields[c.skip_pos], c.skip_pattern), false)
),

-- How the metric's values are stated (incoming_metric). A configured column's metric is always
-- there; a name read from the row that the config says nothing about is taken as stated, and
-- "98 %" stays 98. A constant belongs to a configured column only.
stated as (
    select c.*,
           coalesce(m.factor, 1) as factor,
           case when m.metric_name is null then 1.0 else m.percent_factor end as percent_factor,
           case when not c.named then m.constant_value end as constant_value,
           m.stated_unit = 'fraction' as in_fractions,
           m.valid_min, m.valid_max, m.kpi_name, m.kpi_unit
    from cells as c
    left join incoming_metric as m on m.table_name = c.table_name and m.metric_name = c.metric_name
),

typed as (
    select c.*,
           plumbline_period_at(c.period_text, c.date_format, c.grain) as period_read,
           nullif(trim(c.value_text), '') as value_trimmed,
           -- a percentage: text such as "98 %", or a cell formatted as one, read as it shows (0.98 as 98)
           contains(c.value_text, '%') or coalesce(c.value_kind = 'p', false) as is_percent_text,  -- never null
           -- A workbook's number cell stores a decimal point whatever the source says of text. A
           -- number typed as text is read with the declared mark; where a workbook declares none
           -- (decimal_mark ''), with the one reading it has, and one that reads two ways
           -- ("12.500": 12.5 or 12500) is no number (the reason names both, below). No column more
           -- than needed: each is carried through every step of millions of rows.
           case when c.value_kind in ('n', 'p', 't', 'o')
                    then plumbline_number(c.value_text, '.') * case when c.value_kind = 'p' then 100 else 1 end
                when c.decimal_mark <> '' then plumbline_number(c.value_text, c.decimal_mark)
                else plumbline_either_number(c.value_text)
           end as number_read
    from stated as c
),

-- What reads as a number or a date but cannot be one. "NaN", "inf" or "1e400" (infinite) would
-- make every sum, ratio and control chart they enter NaN or infinite (pandas writes nan and inf).
-- A year before 1900 or after 2999 is a misread, mostly a two-digit year under a four-digit
-- format ("06.01.25" as %d.%m.%Y is the year 25), and a period there would drop out of every
-- report: neither is a value here.
checked as (
    select * exclude (number_read, period_read),
           case when isfinite(number_read) then number_read end as number,
           case when year(period_read) between 1900 and 2999 then period_read end as period_date,
           year(period_read) as period_year
    from typed
),

-- The value in the KPI's unit, which the valid range (kpis.yml) is checked against below.
valued as (
    select *,
           case
               when constant_value is not null then constant_value
               when is_percent_text then number * percent_factor
               else number * factor
           end as value
    from checked
),

final as (
    -- only what the appends and the problem list read: the texts stay in the row's fields
    select sheet_name, row_number, value_position, metric_name, period_date, value,
           case
               when metric_name is null or metric_name = ''
                   then 'The metric name is missing: the column "' || metric_column || '" is empty in this row.'
               when period_date is null and (constant_value is not null or value_trimmed is not null
                                             or shape <> 'periods_across')
                    and nullif(trim(period_text), '') is null
                   then 'The period in column "' || coalesce(period_column, column_name) || '" is empty.'
                        || case when sheet_name <> ''
                                    then ' If this row is under a cell merged over several rows, only the merge''s first'
                                         || ' row holds its period: unmerge the cells and fill in each row''s period.'
                                else '' end
               when period_date is null and (constant_value is not null or value_trimmed is not null
                                             or shape <> 'periods_across')
                    and regexp_full_match(trim(period_text), '\d{4}-?[Ww]\d{2}')
                   then 'The period "' || period_text || '" in column "' || coalesce(period_column, column_name)
                        || '" is no week: ' || left(trim(period_text), 4) || ' has the ISO weeks 1 to '
                        || coalesce(week(make_date(try_cast(left(trim(period_text), 4) as integer), 12, 28))::varchar,
                                    '52 or 53') || '.'
               when period_date is null and (constant_value is not null or value_trimmed is not null
                                             or shape <> 'periods_across')
                   then 'The period "' || coalesce(period_text, '') || '" in column "'
                        || coalesce(period_column, column_name) || '" is not a date'
                        || coalesce(' in the format ' || date_format, '')
                        || coalesce(': it would be in the year ' || period_year || '.', '.')
               when constant_value is null and value_trimmed is not null and number is null
                   then 'The value "' || value_text || '" in column "' || column_name || '" is not a number'
                        || case when not regexp_full_match(value_trimmed, '[+-]?[\d.,\s''\x{00A0}\x{202F}]*\d[\d.,\s''\x{00A0}\x{202F}]*\s*%?')
                                    then '.'
                                when decimal_mark = ''
                                    then coalesce(plumbline_two_readings(value_text),
                                                  ': neither with a decimal point (1,234.5) nor with a decimal comma'
                                                  || ' (1.234,5), the other mark only between groups of three digits.')
                                when decimal_mark = ','
                                    then ' as this source writes numbers: with a decimal comma (1.234,5), and "." only'
                                         || ' between groups of three digits.'
                                else ' as this source writes numbers: with a decimal point (1,234.5), and "," only'
                                     || ' between groups of three digits.'
                           end
               when constant_value is null and value_trimmed is not null and is_percent_text and percent_factor is null
                   then 'The value "' || value_text || '" in column "' || column_name
                        || '" is a percentage'
                        || case when value_kind = 'p' then ' (a cell formatted as one, showing ' || plumbline_shown(number)
                                                           || ' %)' else '' end
                        || ', but its KPI is not measured as a ratio.'
               -- A duration cell (36:00 is 1.5 days) is no figure in the KPI's unit, whatever that is; a
               -- fraction column's plain number above 1 is a percentage written without its sign (98 for
               -- 98 %: typed over a workbook's format, or a CSV export's percentages under a fraction
               -- column). One test for both: every value passes it.
               when (value_kind = 't' or in_fractions and not is_percent_text and number > 1)
                    and constant_value is null and value_trimmed is not null
                   then list_transform([number], lambda n: case when value_kind = 't'   -- a lambda: see plumbline_two_readings
                   then 'The value ' || value_text || ' in column "' || column_name || '" is a duration or a time of'
                        || ' day (' || value_text || ' days, shown as ' || (round(n * 1440)::bigint // 60) || ':'
                        || lpad((round(n * 1440)::bigint % 60)::varchar, 2, '0') || '), not a number: enter the'
                        || ' figure as a number, in the unit of its KPI, in a cell formatted as a number.'
                   else 'The value "' || value_text || '" in column "' || column_name || '": '
                        || plumbline_shown(n) || ' in a column of fractions (sources.yml: unit: fraction) would be '
                        || plumbline_shown(n * 100) || ' %; '
                        || case when value_kind is not null
                                then 'type it as ' || plumbline_shown(n) || ' % (Excel then stores '
                                     || plumbline_shown(n / 100) || ', formatted as a percentage) or as '
                                else 'write it as "' || plumbline_shown(n) || ' %" or as ' end
                        || plumbline_shown(n / 100) || ', or declare unit: percent if the column holds percentages.'
                   end)[1]
               -- A figure its KPI cannot take (a coverage of 150 %) is a typing or scale mistake,
               -- checked on a value every test above passed. A null bound compares to null: no check.
               when value < valid_min or value > valid_max
                   then 'The value "' || value_text || '" in column "' || column_name || '" reads as '
                        || plumbline_shown(value) || ' ' || kpi_unit || ', outside what ' || kpi_name
                        || ' can be: '
                        || case when valid_max is null then 'at least ' || plumbline_shown(valid_min)
                                when valid_min is null then 'at most ' || plumbline_shown(valid_max)
                                else plumbline_shown(valid_min) || ' to ' || plumbline_shown(valid_max) end
                        || ' ' || kpi_unit || ' (kpis.yml: valid_range). Check the figure, or the unit and scale'
                        || ' sources.yml gives this column.'
           end
           -- A whole number in a period cell formatted General is mostly a date that lost its format.
           || case when period_date is null and metric_name <> '' and shape <> 'periods_across' and kinds is not null
                        and coalesce(nullif(substr(kinds, period_pos, 1), ''), 'n') = 'n'
                   -- a lambda (see plumbline_two_readings) over the number and the workbook's day zero,
                   -- which is read outside it: DuckDB allows no subquery in a lambda
                   then list_transform([{'d': try_cast(trim(period_text) as double),
                                         'zero': (select serial_day_zero from incoming_workbook)}], lambda s:
                            case when s.d between 18264 and 73415 and s.d = floor(s.d)    -- 1950 to 2100
                                 then ' ' || s.d::bigint || ' looks like an Excel date serial ('
                                      || strftime(s.zero + s.d::integer, '%d.%m.%Y')
                                      || ') in a cell not formatted as a date: format the column as a date in the workbook.'
                                 else '' end)[1]
                   else '' end as problem
    from valued
    where constant_value is not null or value_trimmed is not null or period_date is null
)

select * from final
;

-- The rows that are quarantined, with why: a row a reader could not split, or a row with a
-- value that could not be typed or mapped. Small (only the rows with a problem), so the
-- appends test membership against it instead of joining a verdict for every row.
-- Each with its fields, which the appends take from here: the one pass over the file's rows
-- that finds them is this one. A row whose every field is empty or spaces (Excel saves an empty
-- spreadsheet row as ";;;") has a problem too (no period), but it is a blank row, not a wrong
-- one: blank marks it, and append_to_ledger.sql keeps it as a layout row instead of quarantining
-- it. Only rows with a problem are looked at, so this costs nothing per row of a large file.
create or replace temp table incoming_problem as
with

problems as (
    select sheet_name, row_number, string_agg(distinct problem, ' ' order by problem) as reason
    from incoming_value
    where problem is not null
    group by all
    union all
    select sheet_name, row_number, problem
    from incoming_row
    where problem is not null
)

select p.sheet_name, p.row_number, p.reason, r.fields,
       len(list_filter(r.fields, lambda field: trim(field) <> '')) = 0 as blank
from problems as p
join incoming_row as r using (sheet_name, row_number);
