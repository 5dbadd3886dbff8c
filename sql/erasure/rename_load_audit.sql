-- The record of each loaded file follows its renamed archive: archive_path becomes the file's
-- new path (exactly, from erasure_renamed_file), and the delivered name, inbox path and version
-- key have the name replaced as the file's name was. Parameter $1: the name(s) as a
-- case-insensitive regular expression (org.plumbline.erasure.Person).
update load_audit as a
set archive_path = coalesce((select r.to_path from erasure_renamed_file as r where r.from_path = a.archive_path),
                            regexp_replace(a.archive_path, $1, '[erased]', 'gi')),
    file_name    = regexp_replace(a.file_name, $1, '[erased]', 'gi'),
    file_path    = regexp_replace(a.file_path, $1, '[erased]', 'gi'),
    version_key  = regexp_replace(a.version_key, $1, '[erased]', 'gi')
where regexp_matches(a.archive_path, $1, 'i') or regexp_matches(a.file_name, $1, 'i')
   or regexp_matches(coalesce(a.file_path, ''), $1, 'i') or regexp_matches(a.version_key, $1, 'i')
