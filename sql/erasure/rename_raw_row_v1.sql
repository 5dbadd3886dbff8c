-- Rows loaded before ledger V6 (raw_row_v1) repeat their file's version key (by default its
-- delivered name) on every row; it follows load_audit's. Rows loaded since V6 (raw_record) take
-- the version key from load_audit, a join away, so they need no rename of their own.
-- Parameter $1: as in rename_load_audit.sql.
update raw_row_v1
set version_key = regexp_replace(version_key, $1, '[erased]', 'gi')
where regexp_matches(version_key, $1, 'i')
