-- The name's text erased from the typed values' metric names. Parameter $1: as in count_raw_row.sql.
update raw_record_value
set metric_name = regexp_replace(metric_name, $1, '[erased]', 'gi')
where regexp_matches(metric_name, $1, 'i')
