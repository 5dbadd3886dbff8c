-- The CSV file's records as incoming_row when the line scanner proved each record is one
-- line, no line is blank and DuckDB rejected none (the usual export): the line a person finds
-- in an editor is then the header's line + the record's ordinal. The ordinal comes from rowid,
-- which numbers incoming_flat contiguously in insertion order, and that is the file's order
-- (DuckDB preserves insertion order); inside a transaction rowids start at a large offset,
-- hence the minimum. CsvFileReader checks the numbering is contiguous before using this.
-- A view, not a copy: no window, no sort, and the file's rows are held once (incoming_flat).
-- csv_to_rows.sql handles every other file.
create or replace temp view incoming_row as
select '' as sheet_name,
       (rowid - (select min(rowid) from incoming_flat) + 1
        + (select header_row from incoming_sheet where sheet_name = ''))::integer as row_number,
       list_value(*columns(*)) as fields,
       null::varchar as problem,
       null::varchar as kinds   -- a text file's cells are all text: typed by the source's conventions
from incoming_flat
