-- A JSON file's records numbered by the line an editor shows each starting on, where every
-- record starts on a line of its own (JsonRecordLines decided that, and which starts are the
-- records: top-level values or a top-level array's elements). Parameter: that kind.
update incoming_row_stored as r
set row_number = j.line
from incoming_json_line as j
where j.kind = ? and j.record_number = r.row_number
