-- A Parquet file's records into incoming_row_stored, one field list each, in file order,
-- numbered from 1 (the record a person finds in the file). JSON has json_to_rows.sql.
insert into incoming_row_stored (sheet_name, row_number, fields, problem)
select '' as sheet_name,
       (row_number() over ())::integer as row_number,
       list_value(*columns(*)) as fields,
       null::varchar as problem
from incoming_flat
