-- The ledger, version 10: several tables on one sheet. A workbook sheet may hold more than one
-- table (a source's tables in sources.yml), each with its own header. raw_sheet held one header
-- per load and sheet; from this version it holds one per load, sheet and table, and each loaded
-- row says which table it belongs to, so its fields are read under the right header.
-- * raw_sheet.table_name: the table's name from sources.yml; '' for a sheet (or flat file) that
--   is one table, which is every load made before this version.
-- * raw_record.table_name: the table the row belongs to ('' likewise). Row numbers stay the row
--   a person sees on the sheet, so (load_id, sheet_name, row_number) still names one row.
-- raw_row and raw_value gain table_name as their last column; joins of a row to its header
-- are by (load_id, sheet_name, table_name). Old loads read as before: their table is ''.
-- Applied once (Warehouse skips a version already recorded), in one transaction.

begin transaction;

alter table raw_sheet add column table_name varchar default '';
alter table raw_record add column table_name varchar default '';

create or replace view raw_row as
select r.load_id, a.source_id, a.content_hash, a.received_at, a.version_key,
       r.sheet_name, r.row_number, r.is_layout, r.fields, r.table_name
from raw_record as r
join load_audit as a using (load_id)
union all
select load_id, source_id, content_hash, received_at, version_key, sheet_name, row_number, is_layout, fields,
       '' as table_name
from raw_row_v1;

create or replace view raw_value as
select v.load_id,
       v.sheet_name,
       v.row_number,
       s.column_names[v.value_position]                      as column_name,
       v.metric_name,
       case when s.shape = 'periods_across' then s.column_names[v.value_position]
            else r.fields[s.period_position] end             as period_text,
       v.period_date,
       r.fields[v.value_position]                            as value_text,
       v.value,
       r.fields[s.part_id_position]                          as part_id,
       r.fields[s.part_class_position]                       as part_class,
       r.fields[s.lot_id_position]                           as lot_id,
       r.table_name
from raw_record_value as v
join raw_record as r using (load_id, sheet_name, row_number)
join raw_sheet as s using (load_id, sheet_name, table_name)
union all
select load_id, sheet_name, row_number, column_name, metric_name, period_text, period_date, value_text, value,
       part_id, part_class, lot_id, '' as table_name
from raw_value_v2;

insert into ledger_schema_version
select 10, current_timestamp
where not exists (select 1 from ledger_schema_version where version = 10);

commit;
