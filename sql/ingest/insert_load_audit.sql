-- The file's audit row. rows_read is counted from what the reader produced, the other
-- counts from what the ledger now holds for the load, so check_conservation.sql compares
-- two independent counts. Parameters: file_name, archive_path, file_size_bytes, loaded_at,
-- job_execution_id, config_version, file_path, file_modified_at, settings_fingerprint (ledger V15),
-- load_id.
insert into load_audit (load_id, content_hash, source_id, file_name, archive_path, file_size_bytes, received_at,
                        loaded_at, version_key, rows_read, rows_loaded, rows_skipped, job_execution_id,
                        config_version, rows_quarantined, file_path, first_period, last_period, file_modified_at,
                        settings_fingerprint)
select l.load_id, l.content_hash, l.source_id, ?, ?, ?, l.received_at, ?, l.version_key,
       (select count(*) from incoming_row),
       (select count(*) from raw_record r where r.load_id = l.load_id and not r.is_layout),
       (select count(*) from raw_record r where r.load_id = l.load_id and r.is_layout),
       ?, ?,
       (select count(*) from raw_quarantine q where q.load_id = l.load_id),
       ?,
       (select min(period_date) from raw_record_value v where v.load_id = l.load_id),
       (select max(period_date) from raw_record_value v where v.load_id = l.load_id),
       ?, ?
from incoming_load l
where l.load_id = ?
