-- The periods_across tables of the file none of whose header columns is a period the table
-- reads (incoming_header_period, as type_values.sql reads them): not a single value of such a
-- table would load, while its rows would count as loaded, so the file is rejected instead
-- (HeaderCheck). Run after unread_period_headers.sql found no header written like a period it
-- cannot read. One row per such table.
select s.sheet_name, s.table_name, s.column_names, t.date_format, t.grain
from incoming_sheet as s
join incoming_table as t using (table_name)
where t.shape = 'periods_across'
  and not exists (select 1 from incoming_header_period as h
                  where h.sheet_name = s.sheet_name and h.table_name = s.table_name and h.period_date is not null)
order by s.sheet_name, s.table_name
