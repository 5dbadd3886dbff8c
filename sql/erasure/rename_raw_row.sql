-- raw_row repeats each file's version key (by default its delivered name) on every row; it
-- follows load_audit's. Kept apart from the other renames because raw_row's layout is the
-- ingest's to change (a layout that leaves the version key to load_audit drops this file).
-- Parameter $1: as in rename_load_audit.sql.
update raw_row
set version_key = regexp_replace(version_key, $1, '[erased]', 'gi')
where regexp_matches(version_key, $1, 'i')
