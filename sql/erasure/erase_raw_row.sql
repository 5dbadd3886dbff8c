-- The name erased from raw_row's text (stored in raw_record since ledger V6): a personal column's whole value becomes [erased] (with
-- whatever else the cell said about the person: an e-mail, a phone number); in any other
-- column only the name's text is replaced. Parameter $1: as in count_raw_row.sql.
-- A row is erased under its own table's header (ledger V10: raw_record.table_name).
update raw_record as r
set fields = list_transform(r.fields, lambda field, i:
        case when field is null or not regexp_matches(field, $1, 'i') then field
             when list_contains(p.positions, i) then '[erased]'
             else regexp_replace(field, $1, '[erased]', 'gi') end)
from erasure_personal_position as p
where p.load_id = r.load_id and p.sheet_name = r.sheet_name and p.table_name = r.table_name
  and len(list_filter(r.fields, lambda field: regexp_matches(field, $1, 'i'))) > 0
