-- JSON Lines read a line at a time (JsonLineByLine, after DuckDB's reader stopped at a malformed
-- line) into incoming_json_value, as read_json.sql would have: each record's JSON text, numbered
-- by the line an editor shows it on (blank lines are no records, so numbers may skip). The lines
-- that are no JSON keep their reason in incoming_json_text_line, and json_to_rows.sql
-- quarantines them with their text.
create or replace temp table incoming_json_value as
select line_number as record_number, text::json as json
from incoming_json_text_line
where problem is null
order by line_number
