-- Typed values loaded before ledger V6 (raw_value_v2) whose raw text or attributes hold the name (a person's name is never a number,
-- so normally none). Parameter $1: as in count_raw_row.sql.
select count(*) as items, count(*) as occurrences
from raw_value_v2
where regexp_matches(concat_ws(chr(31), period_text, value_text, part_id, part_class, lot_id), $1, 'i')
