-- The name's text erased from raw_value_v2's (values loaded before ledger V6) texts and attributes. Parameter $1: as in count_raw_row.sql.
update raw_value_v2
set period_text = regexp_replace(period_text, $1, '[erased]', 'gi'),
    value_text  = regexp_replace(value_text, $1, '[erased]', 'gi'),
    part_id     = regexp_replace(part_id, $1, '[erased]', 'gi'),
    part_class  = regexp_replace(part_class, $1, '[erased]', 'gi'),
    lot_id      = regexp_replace(lot_id, $1, '[erased]', 'gi')
where regexp_matches(concat_ws(chr(31), period_text, value_text, part_id, part_class, lot_id), $1, 'i')
