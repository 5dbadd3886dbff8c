-- Every delivery (loaded, duplicate, rejected) under a name holding the person's name.
-- Parameter $1: as in rename_load_audit.sql.
update file_delivery
set file_name = regexp_replace(file_name, $1, '[erased]', 'gi')
where regexp_matches(file_name, $1, 'i')
