-- Spreadsheet cells into one field list per row, in column order.
insert into incoming_row_stored
select sheet_name, row_number, list(value order by column_index) as fields, null::varchar as problem
from incoming_cell
group by sheet_name, row_number
