-- Headers that hold the name (a wide sheet with a column per operator). Parameter $1: as in count_raw_row.sql.
select count(*) as items,
       coalesce(sum(len(list_filter(column_names, lambda name: regexp_matches(name, $1, 'i')))), 0) as occurrences
from raw_sheet
where len(list_filter(column_names, lambda name: regexp_matches(name, $1, 'i'))) > 0
