-- One erasure, logged. Parameters: requested_by, reason, person_sha256, occurrences.
-- Returns the new erasure_id.
insert into erasure_log (erasure_id, erased_at, requested_by, reason, person_sha256, occurrences)
values (nextval('erasure_id_seq'), timezone('UTC', now()), ?, ?, ?, ?)
returning erasure_id
