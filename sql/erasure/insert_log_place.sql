-- One place an erasure changed. Parameters: erasure_id, place, items, occurrences.
insert into erasure_log_place (erasure_id, place, items, occurrences) values (?, ?, ?, ?)
