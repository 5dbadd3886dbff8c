-- How many rows the Parquet file's footer says it holds, to compare with what was read: a
-- file with a corrupt page can read as fewer rows without an error, and
-- a short read must reject the file, not load it short. (Some writers leave the count at 0;
-- more rows than declared loses nothing and is accepted.) Parameter: the file path.
select num_rows from parquet_file_metadata(?)
