-- The rows below a row that repeats its table's header with the columns elsewhere
-- (header_repeats.sql), to the table's end: they belong to another table and would be read
-- under the wrong columns, so each is quarantined, saying where that table starts. Run only
-- when there is such a row (FileLoader), as this reads every row of the file.
insert into incoming_problem (sheet_name, row_number, reason, fields, blank)
select r.sheet_name, r.row_number,
       'The row is below row ' || h.row_number || ', which repeats the header of row ' || h.header_row
           || ' with its columns elsewhere: it belongs to another table, whose columns this source does not read.'
           || ' Give the sheet''s tables in sources.yml (tables), or move that table to a sheet or file of its own.',
       r.fields, false
from incoming_row as r
join (select sheet_name, table_name, header_row, min(row_number) as row_number
      from incoming_header_repeat
      where moved is not null
      group by all) as h
  on h.sheet_name = r.sheet_name and r.row_number > h.row_number
join incoming_position as p
  on p.sheet_name = r.sheet_name and p.table_name = h.table_name
 and r.row_number between coalesce(p.first_row, 0) and coalesce(p.last_row, 2147483647)
where not exists (select 1 from incoming_problem as q where q.sheet_name = r.sheet_name and q.row_number = r.row_number)
  and len(list_filter(r.fields, lambda field: trim(field) <> '')) > 0;
