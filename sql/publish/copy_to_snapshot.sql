-- The analysts' snapshot: everything in the working warehouse (tables, views, comments),
-- copied into the database attached as analysts_snapshot. The working file is always
-- warehouse/plumbline.duckdb, so its catalog is named plumbline.
copy from database plumbline to analysts_snapshot;
