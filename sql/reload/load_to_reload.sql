-- A load to read again (plumbline reload): what identifies it, which stays as it is, where its
-- file is kept (relative to the home folder), its latest reading (null: read only when loaded)
-- and that reading's counts. Parameter: load_id.
select a.load_id, a.source_id, a.file_name, a.archive_path, a.content_hash, a.received_at, a.version_key,
       lr.reading_id,
       coalesce(r.rows_read, a.rows_read)               as rows_read,
       coalesce(r.rows_loaded, a.rows_loaded)           as rows_loaded,
       coalesce(r.rows_skipped, a.rows_skipped)         as rows_skipped,
       coalesce(r.rows_quarantined, a.rows_quarantined) as rows_quarantined,
       coalesce(r.config_version, a.config_version)     as config_version
from load_audit as a
left join load_latest_reading as lr using (load_id)
left join load_reading as r on r.reading_id = lr.reading_id
where a.load_id = ?
