-- The columns the source reads (Source.columnsRead), for json_to_rows.sql to match keys to
-- regardless of case. Parameter: the names, a list.
create or replace temp table incoming_json_column as
select unnest(?::varchar[]) as column_name
