-- Step 1 of the analysts' snapshot: everything in the working warehouse (tables, views,
-- comments) copied into a staging file, attached as snapshot_staging, where
-- mask_snapshot.sql then masks it. The working file is always warehouse/plumbline.duckdb, so
-- its catalog is named plumbline. The staging file lives beside the working file (operators
-- only) and is deleted once the snapshot is written.
copy from database plumbline to snapshot_staging;
