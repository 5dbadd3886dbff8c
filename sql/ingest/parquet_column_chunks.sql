-- Each column chunk of a Parquet file, as its footer describes it: where its pages start (the
-- dictionary page, if any, comes first), how many bytes they take, and how many values they
-- hold. ParquetPageCheck compares the values with what the page headers declare.
-- Parameter: the file path.
select row_group_id,
       replace(path_in_schema, ', ', '.') as column_path,
       num_values,
       case when dictionary_page_offset > 0 and dictionary_page_offset < data_page_offset
            then dictionary_page_offset else data_page_offset end as chunk_start,
       total_compressed_size
from parquet_metadata(?)
