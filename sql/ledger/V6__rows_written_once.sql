-- The ledger, version 6: each row read is written once. Until V5 a loaded row was written
-- twice over: raw_row repeated the file's lineage (source, content hash, received time,
-- version key) on every row, and raw_value repeated the raw text of the period, value and
-- part/lot fields beside every typed value. At millions of rows that writing was most of a
-- load's time (bench/RESULTS.md). From this version:
-- * raw_record: one row per row read and loaded: load, sheet, the row or line a person sees,
--   whether it is a layout row, and the raw text of each field in header order. The rest of
--   its lineage (source, file name and path, content hash, received time, version key) is the
--   load's, in load_audit, one join away.
-- * raw_record_value: one row per typed value a loaded row carries: the position of the field
--   it was typed from (raw_sheet.column_names and raw_record.fields; null for a constant the
--   config supplies), the metric, the period and the value typed, scaled and converted. Its
--   texts are raw_record's fields, not copies of them.
-- * raw_sheet gains where the source's columns were when the file was read (the shape, and the
--   positions of the period and part/lot columns), so the texts can be found again without
--   the configuration of that day.
-- raw_row and raw_value stay as views with exactly their earlier columns, so every reader
-- (staging, findings lineage, trace, analysts' SQL) reads old and new loads alike. Loads made
-- before this version are kept as they were written, in raw_row_v1 and raw_value_v2 (renamed,
-- not rewritten: the ledger is append-only), and the views include them.
-- Applied once (Warehouse skips a version already recorded), in one transaction.

begin transaction;

create table raw_record (
    load_id     bigint not null,
    sheet_name  varchar not null,
    row_number  integer not null,                -- the row (Excel) or line (editor) a person sees
    is_layout   boolean not null,                -- a totals or other layout row: kept, not a value
    fields      varchar[] not null               -- the raw text of each field, in header order
);

create table raw_record_value (
    load_id        bigint not null,
    sheet_name     varchar not null,
    row_number     integer not null,             -- the raw_record the value was typed from
    value_position integer,                      -- its field's position; null for a configured constant
    metric_name    varchar not null,             -- the measure or the department's local KPI name
    period_date    date not null,
    value          double not null               -- typed, scaled and converted to the KPI's unit
);

-- Per load and sheet: how the source read it. Null for loads made before this version.
alter table raw_sheet add column shape varchar;                 -- column_per_metric | metric_per_row | periods_across | rows_only
alter table raw_sheet add column period_position integer;       -- the period column's position (not for periods_across)
alter table raw_sheet add column part_id_position integer;
alter table raw_sheet add column part_class_position integer;
alter table raw_sheet add column lot_id_position integer;

alter table raw_row rename to raw_row_v1;
alter table raw_value rename to raw_value_v2;

-- Every row loaded, with its whole lineage, as raw_row was until V5.
create view raw_row as
select r.load_id, a.source_id, a.content_hash, a.received_at, a.version_key,
       r.sheet_name, r.row_number, r.is_layout, r.fields
from raw_record as r
join load_audit as a using (load_id)
union all
select load_id, source_id, content_hash, received_at, version_key, sheet_name, row_number, is_layout, fields
from raw_row_v1;

-- Every typed value beside the raw text it was typed from, as raw_value was until V5.
create view raw_value as
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
       r.fields[s.lot_id_position]                           as lot_id
from raw_record_value as v
join raw_record as r using (load_id, sheet_name, row_number)
join raw_sheet as s using (load_id, sheet_name)
union all
select load_id, sheet_name, row_number, column_name, metric_name, period_text, period_date, value_text, value,
       part_id, part_class, lot_id
from raw_value_v2;

insert into ledger_schema_version
select 6, current_timestamp
where not exists (select 1 from ledger_schema_version where version = 6);

commit;
