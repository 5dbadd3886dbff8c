-- The name's text erased from delivery reasons. Parameter $1: as in count_raw_row.sql.
update file_delivery
set reason = regexp_replace(reason, $1, '[erased]', 'gi')
where regexp_matches(reason, $1, 'i')
