-- Rows that repeat a table's header: a second table below the first (plan under actuals), or an
-- export appended to another with its header. Run after type_values.sql, on the rows it found a
-- problem in: a header row always has one (its period cell is a column's name, not a date; its
-- value cells are names, not numbers), so only those few rows are looked at.
-- Grain of incoming_header_repeat: one row per such row. A row repeats the header when it names
-- every column the table reads (as HeaderCheck compares names: trimmed, case aside); it is
-- shifted when one of them is in another column than in the header, so that the rows below it
-- would be read under the wrong columns (below_header_repeat.sql quarantines them).

-- The columns each table reads: its value cells (incoming_cell), its period and metric columns.
create or replace temp table incoming_read_column as
select distinct sheet_name, table_name, trim(name) as header_name, lower(trim(name)) as name, position
from (
    select sheet_name, table_name, cell_column as name, value_position as position
    from incoming_cell
    where value_position is not null
    union all
    select sheet_name, table_name, period_column, period_pos
    from incoming_position
    where period_pos is not null and shape <> 'periods_across'
    union all
    select sheet_name, table_name, metric_column, metric_pos
    from incoming_position
    where metric_pos is not null
);

create or replace temp table incoming_header_repeat as
with

problem_rows as (
    select q.sheet_name, q.row_number, p.table_name, s.header_row,
           list_transform(q.fields, lambda f: lower(trim(f))) as names
    from incoming_problem as q
    join incoming_position as p
      on p.sheet_name = q.sheet_name
     and q.row_number between coalesce(p.first_row, 0) and coalesce(p.last_row, 2147483647)
    join incoming_sheet as s on s.sheet_name = p.sheet_name and s.table_name = p.table_name
    where not q.blank
),

final as (
    select r.sheet_name, r.row_number, r.table_name, r.header_row,
           -- the first column read elsewhere than in the header: its name, and where it is in each
           min_by(struct_pack(name := c.header_name, here := list_position(r.names, c.name), header := c.position),
                  c.position) filter (where list_position(r.names, c.name) <> c.position) as moved
    from problem_rows as r
    join incoming_read_column as c on c.sheet_name = r.sheet_name and c.table_name = r.table_name
    group by r.sheet_name, r.row_number, r.table_name, r.header_row
    having bool_and(list_contains(r.names, c.name))
)

select * from final;

-- Why such a row is quarantined: it is a header, not data.
update incoming_problem as q
set reason = case when h.moved is null
                  then 'The row repeats the header of row ' || h.header_row || ': it holds the columns'' names, not data.'
                  else 'The row repeats the header of row ' || h.header_row || ' with its columns elsewhere ("'
                       || h.moved.name || '" in column ' || plumbline_column_letters(h.moved.here) || ', not '
                       || plumbline_column_letters(h.moved.header)
                       || '): it starts another table, whose rows would be read under the wrong columns, so they'
                       || ' are quarantined with it. Give the sheet''s tables in sources.yml (tables), or move the'
                       || ' second table to a sheet or file of its own.'
             end
from incoming_header_repeat as h
where q.sheet_name = h.sheet_name and q.row_number = h.row_number;
