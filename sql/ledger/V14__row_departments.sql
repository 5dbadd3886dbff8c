-- The ledger, version 14: a row may name its department. Until now a source's rows were all its
-- one department's (sources.yml: department), so a plant-wide system export covering several
-- departments (a column saying ASSEMBLY or PAINT) filed every row under one of them. A source's
-- department_column names the column; the department each row names there (by a department's
-- code, name or alias, departments.yml) is read when the file is loaded, as its period and values
-- are, and kept with the row:
-- * raw_sheet.department_position: where the department column was when the file was read (null
--   for a source without one), beside the period and part/lot positions (V6).
-- * raw_record.department_code: the department the row names; null for the rows of every other
--   source and every earlier load, which are their source's department's (stg_observation).
-- A row whose cell names no department is quarantined at load, so a loaded row's code is always
-- a department of the model it was read under. A changed spelling or a column added later reaches
-- loaded files through plumbline reload, as any change to how a file is read does (V13).
-- raw_value gains the row's department text and code as its last columns.
-- Applied once (Warehouse skips a version already recorded), in one transaction.

begin transaction;

alter table raw_sheet add column department_position integer;
alter table raw_record add column department_code varchar;

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
       r.table_name,
       r.fields[s.department_position]                       as department_text,
       r.department_code
from raw_record_value as v
join raw_record as r
  on r.load_id = v.load_id and r.sheet_name = v.sheet_name and r.row_number = v.row_number
 and r.reading_id is not distinct from v.reading_id
join raw_sheet as s
  on s.load_id = v.load_id and s.sheet_name = v.sheet_name and s.table_name = r.table_name
 and s.reading_id is not distinct from v.reading_id
left join load_latest_reading as lr on lr.load_id = v.load_id
where v.reading_id is not distinct from lr.reading_id
union all
select load_id, sheet_name, row_number, column_name, metric_name, period_text, period_date, value_text, value,
       part_id, part_class, lot_id, '' as table_name, null as department_text, null as department_code
from raw_value_v2
where load_id not in (select load_id from load_reading);

-- raw_sheet_latest reads every column of raw_sheet: made again over its new column.
create or replace view raw_sheet_latest as
select s.*
from raw_sheet as s
left join load_latest_reading as lr on lr.load_id = s.load_id
where s.reading_id is not distinct from lr.reading_id;

comment on column raw_sheet.department_position is 'Where the source''s department_column was in the header (ledger V14); null for a source without one.';
comment on column raw_record.department_code is 'The department the row names in its source''s department_column (ledger V14), by a department''s code, name or alias; null for a source without one, whose rows are its department''s.';

insert into ledger_schema_version
select 14, current_timestamp
where not exists (select 1 from ledger_schema_version where version = 14);

commit;
