-- rpt_quarantine: rows quarantined at load, with their reason and where they came from, and
-- their position within their reason (reason_row_number) so the report can print the first
-- few of each and leave the full list to the CSV beside it.
-- Grain: one row per quarantined row.
create or replace table rpt_quarantine as
with

rows_held as (
    select * from raw_quarantine_latest   -- each load's latest reading (ledger V13)
),

final as (
    select reason, file_name, source_id, sheet_name, row_number, array_to_string(fields, ' | ') as row_text,
           table_name,  -- the table of a sheet of several the row lies in; '' for none (ledger V11)
           row_number() over (partition by reason order by file_name, sheet_name, row_number) as reason_row_number,
           count(*) over (partition by reason) as reason_row_count
    from rows_held
)

select * from final order by reason, reason_row_number
