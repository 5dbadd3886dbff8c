-- Every table of an attached database, qualified for query_table. Parameter: the database name.
select database_name || '.' || schema_name || '.' || table_name as qualified_name
from duckdb_tables()
where database_name = ? and not temporary
order by all
