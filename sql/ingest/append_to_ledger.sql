-- Moves the file's incoming rows into the ledger. Runs inside the file's transaction,
-- together with its load_audit row; incoming_load holds the one row describing the file.
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
       coalesce(regexp_matches(r.fields[list_position(s.column_names, l.skip_column)],
                               l.skip_pattern), false) as is_layout,
       r.fields
from incoming_row r
join incoming_sheet s using (sheet_name)
cross join incoming_load l
order by r.sheet_name, r.row_number;
