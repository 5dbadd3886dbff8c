-- Every row of one report table for its workbook sheet. Parameter: the table's name (from
-- report_tables.sql), bound, never pasted into the text.
select * from query_table(?)
