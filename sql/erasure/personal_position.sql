-- Per load, sheet and table (ledger V10: '' on a sheet or file that is one table), the positions
-- in raw_row.fields / raw_quarantine.fields of the personal columns (found by header, case and
-- surrounding spaces ignored; empty where there is none). Each table of a sheet has its own
-- header, so a column personal in one table marks that table's fields only, never the fields at
-- the same position in the sheet's other tables.
-- A row in no table (quarantined between or below a sheet's tables, raw_quarantine.table_name
-- '') gets every table's personal positions on its sheet (more erased whole, never less).
create or replace temp table erasure_personal_position as
with

per_table as (
    select s.load_id,
           s.sheet_name,
           s.table_name,
           coalesce(list(list_position(list_transform(s.column_names, lambda name: lower(trim(name))),
                                       lower(trim(c.column_name))))
                    filter (where c.column_name is not null), []) as positions
    from raw_sheet as s
    join load_audit as l using (load_id)
    left join erasure_personal_column as c on c.source_id = l.source_id
    group by s.load_id, s.sheet_name, s.table_name
),

between_tables as (
    select load_id, sheet_name, '' as table_name, list_distinct(flatten(list(positions))) as positions
    from per_table
    group by load_id, sheet_name
    having not bool_or(table_name = '')
),

final as (
    select * from per_table
    union all
    select * from between_tables
)

select * from final
