-- One Parquet file into incoming_flat, every column rendered as text, in file order.
-- Parameter: the file path (bound, read literally).
create or replace temp table incoming_flat as
select columns(*)::varchar
from read_parquet(?, hive_partitioning = false)
