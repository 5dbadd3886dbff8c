-- Step 3 of the analysts' snapshot: the masked staging copy written into the snapshot file,
-- attached as analysts_snapshot in DuckDB 1.1's storage format. Copying a whole database
-- writes only what it holds now: the text that masking replaced in the staging file never
-- reaches the snapshot, not even in unused blocks.
copy from database snapshot_staging to analysts_snapshot;
