-- Deliveries whose reason (why a file was rejected) holds the name. Parameter $1: as in count_raw_row.sql.
select count(*) as items, count(*) as occurrences
from file_delivery
where regexp_matches(reason, $1, 'i')
