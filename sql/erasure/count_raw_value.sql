-- Typed values whose metric name holds the name (since ledger V6 a value's other texts are
-- its row's fields, erased with raw_row; a person's name is never a metric, so normally none).
-- Parameter $1: as in count_raw_row.sql.
select count(*) as items, count(*) as occurrences
from raw_record_value
where regexp_matches(metric_name, $1, 'i')
