-- Conservation for one load: every row read is loaded, kept as layout, or quarantined.
-- Returns the audit row's counts when they do not add up, nothing when they do.
-- Parameter: load_id.
select rows_read, rows_loaded, rows_skipped, rows_quarantined
from load_audit
where load_id = ?
  and rows_read <> rows_loaded + rows_skipped + rows_quarantined
