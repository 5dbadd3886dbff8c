-- How many values a load's reading typed. Parameters: load_id, reading_id (null: the reading made
-- when the file was loaded).
select count(*) from raw_record_value where load_id = ? and reading_id is not distinct from ?
