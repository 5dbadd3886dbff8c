-- Rows of a Parquet file that mention the name in any column. Parameters: the file (read
-- literally), the name as a case-insensitive regular expression.
select count(*) from read_parquet(?) as t where regexp_matches(t::varchar, ?, 'i')
