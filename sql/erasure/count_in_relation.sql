-- Rows of one table or view that still mention the name anywhere (any column, as text).
-- Parameters: the table's qualified name, the name(s) as a case-insensitive regular expression.
select count(*) from query_table(?) as t where regexp_matches(t::varchar, ?, 'i')
