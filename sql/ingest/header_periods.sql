-- The headers of the file's periods_across tables, each with the period it reads as under its
-- table's format and grain (null where it reads as none). Computed once for the three checks
-- HeaderCheck runs on them (unread_period_headers.sql, repeated_period_headers.sql,
-- tables_without_periods.sql): the period macros are dear to plan. Grain: one row per header
-- cell of such a table.
create or replace temp table incoming_header_period as
select s.sheet_name, s.table_name, g.position, s.column_names[g.position] as header,
       plumbline_period_at(s.column_names[g.position], t.date_format, t.grain) as period_date,
       t.date_format, t.grain
from incoming_sheet as s
join incoming_table as t using (table_name)
cross join unnest(generate_series(1, len(s.column_names))) as g(position)
where t.shape = 'periods_across';
