-- Conservation for one reading, as for a load (sql/ingest/check_conservation.sql): every row read
-- is loaded, kept as layout, or quarantined. Returns the counts when they do not add up.
-- Parameter: reading_id.
select rows_read, rows_loaded, rows_skipped, rows_quarantined
from load_reading
where reading_id = ?
  and rows_read <> rows_loaded + rows_skipped + rows_quarantined
