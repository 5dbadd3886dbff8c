-- One spelling of the erased person, as its SHA-256. Parameters: erasure_id, person_sha256.
insert into erasure_log_person (erasure_id, person_sha256) values (?, ?)
