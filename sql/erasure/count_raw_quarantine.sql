-- Quarantined rows whose fields or reason hold the name. Parameter $1: as in count_raw_row.sql.
select count(*) as items,
       coalesce(sum(len(list_filter(fields, lambda field: regexp_matches(field, $1, 'i')))
                    + regexp_matches(reason, $1, 'i')::integer), 0) as occurrences
from raw_quarantine
where len(list_filter(fields, lambda field: regexp_matches(field, $1, 'i'))) > 0
   or regexp_matches(reason, $1, 'i')
