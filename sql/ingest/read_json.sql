-- One JSON file (an array of objects, or JSON Lines) into incoming_flat, every field as
-- text, in file order. Parameter: the file path (bound, read literally).
create or replace temp table incoming_flat as
select columns(*)::varchar
from read_json(?, format = 'auto', records = true, hive_partitioning = false)
