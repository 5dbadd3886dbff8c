-- The working warehouse copied whole into a fresh file (attached as erasure_compacted), which
-- then replaces it. An update leaves the text it replaced in blocks the file no longer uses;
-- a fresh copy holds only what the tables hold now, so the erased name is gone from the bytes
-- of the file too. Sequences, keys, views and comments come along.
copy from database plumbline to erasure_compacted;
