-- One partition of the table staged in lake_rows, as one Parquet file. Parameters: the
-- period, the file to write (bound, read literally).
copy (select * exclude (period) from lake_rows where period = ? order by all)
to ? (format parquet, compression zstd)
