-- Moves the typed file into the ledger (ledger V6: each row written once). Runs inside the
-- file's transaction, together with its load_audit row; incoming_load holds the one row
-- describing the file. Every row read goes to exactly one of raw_record (loaded: values or
-- layout) and raw_quarantine: a row is quarantined exactly when incoming_problem names it and it
-- is not blank; a blank one is kept as layout.
-- The file's lineage (source, hash, received time, version key) is its load_audit row's, not
-- repeated per row; a value keeps the position of the field it was typed from, not a copy of
-- its text. No sort and no join of a verdict per row: the readers produce rows in file order,
-- and the problem list is small, so each row costs one membership test (bench/RESULTS.md).
-- Every row carries incoming_load.reading_id (ledger V13): null when the file is loaded, the new
-- reading's id when plumbline reload reads a loaded file again.
insert into raw_sheet (load_id, sheet_name, header_row, column_names, shape, period_position, part_id_position,
                       part_class_position, lot_id_position, table_name, reading_id, department_position)
select l.load_id, s.sheet_name, s.header_row, s.column_names, p.shape,
       case when p.shape <> 'periods_across' then p.period_pos end, p.part_id_pos, p.part_class_pos, p.lot_id_pos,
       s.table_name, l.reading_id, p.department_pos
from incoming_sheet s
join incoming_position p using (sheet_name, table_name)
cross join incoming_load l;

-- A row belongs to the table (ledger V10) whose rows first_row..last_row hold it; '' on a sheet of one.
-- The department a row names (ledger V14: a source's department_column; the names and the empty
-- cell's department are incoming_department_name's, a row naming none is quarantined by
-- row_departments.sql). Null for every other source's rows, which are their source's department's:
-- for them incoming_department_name is empty, and a join with an empty table costs nothing.
insert into raw_record (load_id, sheet_name, row_number, is_layout, fields, table_name, reading_id, department_code)
select l.load_id,
       r.sheet_name,
       r.row_number,
       -- a layout row (totals): kept, carries no value; the same test as in type_values.sql
       coalesce(regexp_matches(r.fields[p.skip_pos], p.skip_pattern), false) as is_layout,
       r.fields,
       p.table_name,
       l.reading_id,
       d.department_code
from incoming_row r
join incoming_position p
  on p.sheet_name = r.sheet_name
 and r.row_number between coalesce(p.first_row, 0) and coalesce(p.last_row, 2147483647)
cross join incoming_load l
left join incoming_department_name d
  on d.department_name = coalesce(lower(nfc_normalize(trim(r.fields[p.department_pos]))), '')
where not exists (select 1 from incoming_problem q where q.sheet_name = r.sheet_name and q.row_number = r.row_number);

-- A blank row (every field empty: incoming_problem.blank) is layout, kept like a totals row.
insert into raw_record (load_id, sheet_name, row_number, is_layout, fields, table_name, reading_id)
select l.load_id, q.sheet_name, q.row_number, true, q.fields, coalesce(t.table_name, ''), l.reading_id
from incoming_problem q
left join incoming_position t
  on t.sheet_name = q.sheet_name
 and q.row_number between coalesce(t.first_row, 0) and coalesce(t.last_row, 2147483647)
cross join incoming_load l
where q.blank;

insert into raw_record_value (load_id, sheet_name, row_number, value_position, metric_name, period_date, value,
                              reading_id)
select l.load_id, c.sheet_name, c.row_number, c.value_position, c.metric_name, c.period_date, c.value, l.reading_id
from incoming_value c
cross join incoming_load l
where not exists (select 1 from incoming_problem p where p.sheet_name = c.sheet_name and p.row_number = c.row_number);

-- A quarantined row keeps its table (ledger V11): the one whose rows hold it, '' on a sheet of
-- one and for a row between or below a sheet's tables.
insert into raw_quarantine (load_id, source_id, file_name, sheet_name, row_number, reason, fields, table_name,
                            reading_id)
select l.load_id, l.source_id, l.file_name, p.sheet_name, p.row_number, p.reason, p.fields,
       coalesce(t.table_name, ''), l.reading_id
from incoming_problem p
left join incoming_position t
  on t.sheet_name = p.sheet_name
 and p.row_number between coalesce(t.first_row, 0) and coalesce(t.last_row, 2147483647)
cross join incoming_load l
where not p.blank
order by p.sheet_name, p.row_number;
