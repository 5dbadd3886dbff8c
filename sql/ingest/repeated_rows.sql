-- For a self-reported file: a row that repeats an earlier row of its table field for field (a row
-- copied down in a spreadsheet) is quarantined, saying which row it repeats, so the department's
-- figure is not counted twice. The first of the rows loads. Rows that differ in any field are
-- distinct statements (two lines' output on one day, without a line column the source reads)
-- and stay as they are; layout rows (skip_rows) and tables that carry no values are left alone.
-- Systems of record are not checked: two identical records (two lots alike) are two records.
-- Run after type_values.sql by FileLoader, for self-reported sources only (their files are
-- spreadsheets, so the window over every row is small).
insert into incoming_problem (sheet_name, row_number, reason, fields, blank)
select sheet_name, row_number,
       'The row repeats row ' || first_row || ' field for field: a department''s figure is counted once, so'
           || ' the copy is left out. If both rows are meant, make them differ where they do (a line, a shift).',
       fields, false
from (
    select r.sheet_name, r.row_number, r.fields,
           min(r.row_number) over (partition by r.sheet_name, p.table_name, r.fields) as first_row
    from incoming_row as r
    join incoming_position as p
      on p.sheet_name = r.sheet_name
     and r.row_number between coalesce(p.first_row, 0) and coalesce(p.last_row, 2147483647)
    where r.problem is null
      and p.shape <> 'rows_only'
      and not coalesce(regexp_matches(r.fields[p.skip_pos], p.skip_pattern), false)
) as r
where row_number > first_row
  and len(list_filter(fields, lambda field: trim(field) <> '')) > 0
  and not exists (select 1 from incoming_problem as q where q.sheet_name = r.sheet_name and q.row_number = r.row_number);
