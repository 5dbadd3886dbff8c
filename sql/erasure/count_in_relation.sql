-- Rows of one table or view that still mention the name anywhere (any column, as text).
-- Parameters: the table's qualified name, the name in lower case.
select count(*) from query_table(?) as t where contains(lower(t::varchar), ?)
