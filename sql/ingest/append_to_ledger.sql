-- Moves the typed file into the ledger. Runs inside the file's transaction, together with
-- its load_audit row; incoming_load holds the one row describing the file. Every row read
-- goes to exactly one of raw_row (loaded, values or layout) and raw_quarantine: a row is
-- quarantined exactly when incoming_problem names it. No sort and no join of a verdict per
-- row: the readers produce rows in file order, and the problem list is small, so each row
-- costs one membership test (bench/RESULTS.md).
insert into raw_sheet (load_id, sheet_name, header_row, column_names)
select l.load_id, s.sheet_name, s.header_row, s.column_names
from incoming_sheet s, incoming_load l;

insert into raw_row
select l.load_id,
       l.source_id,
       l.content_hash,
       l.received_at,
       l.version_key,
       r.sheet_name,
       r.row_number,
       -- a layout row (totals): kept, carries no value; the same test as in type_values.sql
       coalesce(regexp_matches(r.fields[list_position(s.column_names, l.skip_column)], l.skip_pattern),
                false) as is_layout,
       r.fields
from incoming_row r
join incoming_sheet s using (sheet_name)
cross join incoming_load l
where not exists (select 1 from incoming_problem p where p.sheet_name = r.sheet_name and p.row_number = r.row_number);

insert into raw_value
select l.load_id, c.sheet_name, c.row_number, c.column_name, c.metric_name, c.period_text, c.period_date,
       c.value_text, c.value, c.part_id, c.part_class, c.lot_id
from incoming_value c
cross join incoming_load l
where not exists (select 1 from incoming_problem p where p.sheet_name = c.sheet_name and p.row_number = c.row_number);

insert into raw_quarantine
select l.load_id, l.source_id, l.file_name, r.sheet_name, r.row_number, p.reason, r.fields
from incoming_row r
join incoming_problem p using (sheet_name, row_number)
cross join incoming_load l
order by r.sheet_name, r.row_number;
