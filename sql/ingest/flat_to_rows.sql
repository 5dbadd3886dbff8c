-- The flat file's records into incoming_row, one field list each, in file order.
-- Parameter: the line of the header (0 where the format has none), so that the row number
-- is the line or record a person finds in an editor.
insert into incoming_row
select '' as sheet_name,
       (? + row_number() over ())::integer as row_number,
       list_value(*columns(*)) as fields
from incoming_flat
