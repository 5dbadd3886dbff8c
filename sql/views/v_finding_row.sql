-- v_finding_row: the raw rows behind each finding, as delivered: file, sheet, row and text.
create or replace view v_finding_row as
select l.finding_key,
       l.row_role,
       a.file_name,
       a.archive_path,
       a.received_at,
       l.load_id,
       l.sheet_name,
       l.row_number,
       h.column_names,
       r.fields
from fct_finding_lineage as l
join load_audit as a using (load_id)
join raw_row as r using (load_id, sheet_name, row_number)
join raw_sheet_latest as h using (load_id, sheet_name, table_name);   -- the row's table's header (V10), latest reading (V13)

comment on view v_finding_row is 'The lineage of findings: one row per finding and raw row behind it, with the file, sheet, row number and the text exactly as delivered. plumbline trace prints the same.';
comment on column v_finding_row.finding_key is 'The finding (v_finding.finding_key).';
comment on column v_finding_row.row_role is 'measured (system of record), reported (department), previous or revised (a revision), delivered (a late file), unconverted (money without an exchange rate) or evidence (a row an insight such as an early warning rests on).';
comment on column v_finding_row.file_name is 'The file as delivered to the inbox.';
comment on column v_finding_row.archive_path is 'Where the file''s bytes are kept, relative to the home folder.';
comment on column v_finding_row.received_at is 'When the file arrived (UTC).';
comment on column v_finding_row.load_id is 'The load of the file in the ledger (load_audit).';
comment on column v_finding_row.sheet_name is 'The sheet (XLSX, XLS); empty for flat files (CSV, JSON, Parquet).';
comment on column v_finding_row.row_number is 'The row (Excel) or line (editor) a person sees.';
comment on column v_finding_row.column_names is 'The header of the sheet as read.';
comment on column v_finding_row.fields is 'The raw text of each field, in header order.';
