-- The name erased from rows loaded before ledger V6 (raw_row_v1), as from raw_record: a personal column's whole value becomes [erased] (with
-- whatever else the cell said about the person: an e-mail, a phone number); in any other
-- column only the name's text is replaced. Parameter $1: as in count_raw_row.sql.
-- Rows loaded before ledger V6 (and V10) have one table a sheet, named ''.
update raw_row_v1 as r
set fields = list_transform(r.fields, lambda field, i:
        case when field is null or not regexp_matches(field, $1, 'i') then field
             when list_contains(p.positions, i) then '[erased]'
             else regexp_replace(field, $1, '[erased]', 'gi') end)
from erasure_personal_position as p
where p.load_id = r.load_id and p.sheet_name = r.sheet_name and p.table_name = ''
  and len(list_filter(r.fields, lambda field: regexp_matches(field, $1, 'i'))) > 0
