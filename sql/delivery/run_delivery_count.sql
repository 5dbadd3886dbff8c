-- How many delivery records a run has, to tell "nothing failed" from "nothing was sent".
-- Parameter: run_id.
select count(*) from report_delivery where run_id = ?
