-- One CSV file as text columns into incoming_flat. Parameters: the file path (bound, never
-- spliced into SQL, so names with quotes or glob characters are read literally), the lines
-- before the header, the delimiter, the encoding, the escape character (a doubled quote, or a
-- backslash before the quote). The dialect comes from sources.yml rather
-- than the sniffer, which can silently mis-read a file (see shared/corpora/README.md).
-- A line that does not split into the header's fields is not an error for the whole file:
-- DuckDB stores it in incoming_csv_reject (its logical line, raw text and why), and it is
-- quarantined.
create or replace temp table incoming_flat as
select *
from read_csv(?, all_varchar = true, header = true, skip = ?, delim = ?, encoding = ?,
              quote = '"', escape = ?, auto_detect = true, null_padding = false,
              strict_mode = true, store_rejects = true,
              rejects_table = 'incoming_csv_reject', rejects_scan = 'incoming_csv_scan')
