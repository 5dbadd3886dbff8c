-- read_csv.sql for the copy CsvCopy makes of a file DuckDB's reader cannot take as it is (lines
-- ending in more than one way, big-endian UTF-16, Windows-1252 beyond Latin-1): the same read
-- with the same parameters (the encoding is the copy's, utf-8), and the line ending stated
-- instead of detected. Every record of the copy ends in LF, but a quoted field (the header's
-- too) may still hold a CR or a CRLF, which makes DuckDB's dialect detection give up on the line
-- ending when left to guess it. ('\r\n' cannot be stated the same way: DuckDB 2.0 then reads no
-- rows at all, so a copy always ends its records in LF.)
create or replace temp table incoming_flat as
select *
from read_csv(?, all_varchar = true, header = true, skip = ?, delim = ?, encoding = ?,
              quote = '"', escape = ?, new_line = '\n', auto_detect = true, null_padding = false,
              strict_mode = true, store_rejects = true,
              rejects_table = 'incoming_csv_reject', rejects_scan = 'incoming_csv_scan')
