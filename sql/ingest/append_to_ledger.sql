-- Moves the typed file into the ledger. Runs inside the file's transaction, together with
-- its load_audit row; incoming_load holds the one row describing the file. Every row read
-- goes to exactly one of raw_row (loaded, values or layout) and raw_quarantine. No sort:
-- the readers produce rows in file order, and sorting millions of field lists costs more
-- than the rest of the load (bench/RESULTS.md).
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
       v.is_layout,
       r.fields
from incoming_row r
join incoming_verdict v using (sheet_name, row_number)
cross join incoming_load l
where v.reason is null;

insert into raw_value
select l.load_id, c.sheet_name, c.row_number, c.column_name, c.metric_name, c.period_text, c.period_date,
       c.value_text, c.value, c.part_id, c.part_class, c.lot_id
from incoming_value c
join incoming_verdict v using (sheet_name, row_number)
cross join incoming_load l
where v.reason is null;

insert into raw_quarantine
select l.load_id, l.source_id, l.file_name, r.sheet_name, r.row_number, v.reason, r.fields
from incoming_row r
join incoming_verdict v using (sheet_name, row_number)
cross join incoming_load l
where v.reason is not null
order by r.sheet_name, r.row_number;
