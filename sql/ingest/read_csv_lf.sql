-- read_csv.sql for the copy CsvLineEndings makes of a file whose lines end in more than one way
-- (or of a big-endian UTF-16 file, which DuckDB reads little-endian only): the same read with the
-- same parameters, and the line ending stated instead of detected. Every
-- record of the copy ends in LF, but a quoted field (the header's too) may still hold a CR or a
-- CRLF, which makes DuckDB's dialect detection give up on the line ending when left to guess it.
-- ('\r\n' cannot be stated the same way: DuckDB 2.0 then reads no rows at all, so a file is only
-- ever copied to LF.)
create or replace temp table incoming_flat as
select *
from read_csv(?, all_varchar = true, header = true, skip = ?, delim = ?, encoding = ?,
              quote = '"', escape = ?, new_line = '\n', auto_detect = true, null_padding = false,
              strict_mode = true, store_rejects = true,
              rejects_table = 'incoming_csv_reject', rejects_scan = 'incoming_csv_scan')
