-- For a system's export just loaded: the earlier loads of the same source, under another version
-- key, whose periods overlap its own (load_audit.first_period..last_period). A system's rows add
-- up across files, as one export per day or month is meant to; the same month exported again
-- under another name (a re-run, a mid-month export then the full month) would count twice.
-- FileLoader says so on the load (OverlappingExports). Parameter: the load. The first three.
select a.load_id, a.file_name
from load_audit as a
join load_audit as l on l.load_id = ?
where a.source_id = l.source_id
  and a.load_id <> l.load_id
  and a.version_key <> l.version_key
  and a.first_period <= l.last_period
  and a.last_period >= l.first_period
order by a.load_id
limit 3
