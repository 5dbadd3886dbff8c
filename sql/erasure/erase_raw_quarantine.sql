-- The name erased from raw_quarantine's fields (as in erase_raw_row.sql) and from the reason
-- (which may quote the text that could not be read). Parameter $1: as in count_raw_row.sql.
-- A quarantined row under its table's header (ledger V11: raw_quarantine.table_name; a row
-- between tables, '', under every table's personal positions on its sheet: personal_position.sql).
update raw_quarantine as q
set fields = list_transform(q.fields, lambda field, i:
        case when field is null or not regexp_matches(field, $1, 'i') then field
             when list_contains(p.positions, i) then '[erased]'
             else regexp_replace(field, $1, '[erased]', 'gi') end),
    reason = regexp_replace(q.reason, $1, '[erased]', 'gi')
from erasure_personal_position as p
where p.load_id = q.load_id and p.sheet_name = q.sheet_name and p.table_name = q.table_name
  and (len(list_filter(q.fields, lambda field: regexp_matches(field, $1, 'i'))) > 0
       or regexp_matches(q.reason, $1, 'i'))
