-- Rows of raw_row (stored in raw_record since ledger V6) and their fields that hold the name. Parameter $1: the name as a
-- case-insensitive regular expression (org.plumbline.erasure.Person).
select count(*) as items,
       coalesce(sum(len(list_filter(fields, lambda field: regexp_matches(field, $1, 'i')))), 0) as occurrences
from raw_record
where len(list_filter(fields, lambda field: regexp_matches(field, $1, 'i'))) > 0
