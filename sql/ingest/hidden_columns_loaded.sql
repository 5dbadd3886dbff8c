-- The columns of the load just appended that the workbook hides (incoming_hidden_column) and
-- that values were taken from (raw_record_value: a mapped metric column, a period's column of a
-- periods_across table, a metric_per_row table's value column): how many, and which the first
-- five are, by their letters and headers ("column F 'Mar 2025' of sheet 'KPIs'", a header for
-- each table of a sheet of several the column gave values to). A hidden column no value came
-- from (a helper column, or a key, date or department column the row is read by) put no figure
-- in the ledger that a person may have meant to withdraw: it gets no word, so that the note
-- stays worth reading. HiddenRowsAndColumns turns them into the load's note. Parameter: the load.
with

this_load as (
    select ?::bigint as load_id
),

hidden_values as (
    select v.load_id, v.sheet_name, v.row_number, v.value_position
    from raw_record_value as v
    join this_load as l on l.load_id = v.load_id
    join incoming_hidden_column as h
      on h.sheet_name = v.sheet_name and v.value_position between h.first_column and h.last_column
),

loaded as (
    select distinct hv.sheet_name, hv.value_position, s.column_names[hv.value_position] as column_name
    from hidden_values as hv
    join raw_record as r on r.load_id = hv.load_id and r.sheet_name = hv.sheet_name and r.row_number = hv.row_number
    join raw_sheet as s on s.load_id = r.load_id and s.sheet_name = r.sheet_name and s.table_name = r.table_name
),

named as (
    select sheet_name, value_position,
           'column ' || plumbline_column_letters(value_position) || ' '
           || string_agg('''' || column_name || '''', ' / ' order by column_name)
           || ' of sheet ''' || sheet_name || '''' as name,
           row_number() over (order by sheet_name, value_position) as position
    from loaded
    group by sheet_name, value_position
)

select count(*),
       string_agg(name, ', ' order by sheet_name, value_position) filter (where position <= 5)
from named
