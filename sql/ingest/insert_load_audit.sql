-- The file's audit row, counted from what the ledger now holds for it, so the numbers can
-- never disagree with the rows. Parameters: load_id, file_name, archive_path,
-- file_size_bytes, loaded_at, job_execution_id, config_version.
insert into load_audit
select l.load_id, l.content_hash, l.source_id, ?, ?, ?, l.received_at, ?, l.version_key,
       count(r.load_id),
       count(r.load_id) filter (where not r.is_layout),
       count(r.load_id) filter (where r.is_layout),
       ?, ?
from incoming_load l
left join raw_row r on r.load_id = l.load_id
where l.load_id = ?
group by all
