-- One CSV file as text columns into incoming_flat. Parameters: the file path (bound, never
-- spliced into SQL, so names with quotes or glob characters are read literally), the lines
-- before the header, the delimiter, the encoding. The dialect comes from sources.yml rather
-- than the sniffer, which can silently mis-read a file (see shared/corpora/README.md).
create or replace temp table incoming_flat as
select *
from read_csv(?, all_varchar = true, header = true, skip = ?, delim = ?, encoding = ?,
              quote = '"', escape = '"', auto_detect = true, null_padding = false,
              strict_mode = true)
