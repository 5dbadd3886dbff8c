-- Appends one delivery record (ledger V8). Parameters, in order: run_id, as_of_date,
-- report_file, report_sha256, list_name, recipient, outcome, attempts, reason,
-- first_attempt_at, finished_at, requested_by.
insert into report_delivery
select nextval('report_delivery_id_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
