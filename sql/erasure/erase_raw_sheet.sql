-- The name's text erased from headers. Parameter $1: as in count_raw_row.sql.
update raw_sheet
set column_names = list_transform(column_names, lambda name: regexp_replace(name, $1, '[erased]', 'gi'))
where len(list_filter(column_names, lambda name: regexp_matches(name, $1, 'i'))) > 0
