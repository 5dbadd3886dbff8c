-- One JSON file (an array of objects, JSON Lines, or values one after another) into
-- incoming_json_value: each top-level value's own JSON text, numbered from 1 in file order.
-- No types are inferred from a sample: json_to_rows.sql takes every field's text from each
-- record alone, so what other records hold never changes it. Parameter: the file path.
create or replace temp table incoming_json_value as
select (row_number() over ())::integer as record_number, json
from read_json_objects(?, format = 'auto', hive_partitioning = false)
