-- The report tables behind the PDFs, one workbook sheet each, in name order.
with report_tables as (
    select table_name
    from information_schema.tables
    where table_schema = 'main' and table_type = 'BASE TABLE' and table_name like 'rpt\_%' escape '\'
),

final as (
    select table_name from report_tables order by table_name
)

select * from final
