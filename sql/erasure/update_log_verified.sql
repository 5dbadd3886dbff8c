-- Whether the final search found the name nowhere. Parameters: verified, erasure_id.
update erasure_log set verified = ? where erasure_id = ?
