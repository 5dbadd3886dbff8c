-- The CSV file's records into incoming_row when the line scanner proved each record is one
-- line, no line is blank and DuckDB rejected none (the usual export): the line a person finds
-- in an editor is then the header's line + the record's ordinal. The ordinal comes from rowid,
-- which numbers incoming_flat contiguously in insertion order, and that is the file's order
-- (DuckDB preserves insertion order); inside a transaction rowids start at a large offset,
-- hence the minimum. CsvFileReader checks the numbering is contiguous before using this; no
-- window and no sort is needed. csv_to_rows.sql handles every other file.
-- Parameter: the line of the header.
insert into incoming_row
select '' as sheet_name,
       (rowid - (select min(rowid) from incoming_flat) + 1 + ?)::integer as row_number,
       list_value(*columns(*)) as fields,
       null::varchar as problem
from incoming_flat
