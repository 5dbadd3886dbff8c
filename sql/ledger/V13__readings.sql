-- The ledger, version 13: a loaded file may be read again (plumbline reload). Values are typed,
-- scaled and mapped when a file is loaded, under the config of that day; when that config was
-- wrong (a scale, unit, decimal mark, column mapping, local metric name or date format), fixing
-- it changed nothing already loaded, and sending the same bytes again is a duplicate. A reload
-- reads the archived file again under the config as it is now and keeps what it read as a new
-- reading of the same load. The load itself stays as it was delivered: its load_id, content
-- hash, received time and version key do not change, so a reading is no new delivery: it makes
-- no retroactive revision, never changes which version is in force, and never moves a value on
-- the received-time axis.
-- * load_reading: one row per reading made after the load (the reading made when the file was
--   loaded is the load itself, counted in load_audit): when, under which config, why, by whom,
--   and its counts, which must add up as a load's do (rows_read = rows_loaded + rows_skipped +
--   rows_quarantined), and how many of its values differ from the reading it replaced.
-- * raw_sheet, raw_record, raw_record_value, raw_quarantine .reading_id: the reading a row was
--   written by; null for the reading made when the file was loaded (every row before this version).
-- Every reading stays in those tables (the ledger keeps everything; erasure rewrites them all).
-- What readers use shows only each load's latest reading: the views raw_row and raw_value, and
-- the new views raw_sheet_latest and raw_quarantine_latest, which staging, findings, trace, the
-- reports, the console and the analysts' views read instead of the tables. Loads read before
-- ledger V6 (raw_row_v1, raw_value_v2) drop out of the views once a later reading exists.
-- Applied once (Warehouse skips a version already recorded), in one transaction.

begin transaction;

create sequence reading_id_seq start 1;

create table load_reading (
    reading_id       bigint primary key,
    load_id          bigint not null,       -- the load (load_audit) read again
    read_at          timestamp not null,    -- UTC
    config_version   varchar not null,      -- the governance config the file was read under (v_config_version)
    reason           varchar not null,      -- why it was read again, as the steward said (reload --reason)
    requested_by     varchar not null,      -- who asked (reload --by, default the user name)
    rows_read        bigint not null,
    rows_loaded      bigint not null,
    rows_skipped     bigint not null,       -- layout rows (totals, blank rows)
    rows_quarantined bigint not null,
    first_period     date,                  -- the earliest and latest period the reading's values describe
    last_period      date,
    value_count      bigint not null,       -- values typed by this reading
    values_changed   bigint not null        -- of those, how many the reading it replaced did not hold as they are
);

alter table raw_sheet add column reading_id bigint;
alter table raw_record add column reading_id bigint;
alter table raw_record_value add column reading_id bigint;
alter table raw_quarantine add column reading_id bigint;

-- Per load read again, its latest reading; a load missing here is read as it was loaded (null).
create view load_latest_reading as
select load_id, max(reading_id) as reading_id
from load_reading
group by load_id;

create or replace view raw_row as
select r.load_id, a.source_id, a.content_hash, a.received_at, a.version_key,
       r.sheet_name, r.row_number, r.is_layout, r.fields, r.table_name
from raw_record as r
join load_audit as a using (load_id)
left join load_latest_reading as lr on lr.load_id = r.load_id
where r.reading_id is not distinct from lr.reading_id
union all
select load_id, source_id, content_hash, received_at, version_key, sheet_name, row_number, is_layout, fields,
       '' as table_name
from raw_row_v1
where load_id not in (select load_id from load_reading);

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
       part_id, part_class, lot_id, '' as table_name
from raw_value_v2
where load_id not in (select load_id from load_reading);

-- Each load's sheets and tables as its latest reading read them.
create view raw_sheet_latest as
select s.*
from raw_sheet as s
left join load_latest_reading as lr on lr.load_id = s.load_id
where s.reading_id is not distinct from lr.reading_id;

-- Each load's quarantined rows as its latest reading set them aside.
create view raw_quarantine_latest as
select q.*
from raw_quarantine as q
left join load_latest_reading as lr on lr.load_id = q.load_id
where q.reading_id is not distinct from lr.reading_id;

comment on table load_reading is 'A loaded file read again under a later config (plumbline reload, ledger V13): one row per reading after the load. The load keeps its identity; raw_row, raw_value, raw_sheet_latest and raw_quarantine_latest show each load''s latest reading, the tables raw_sheet, raw_record, raw_record_value and raw_quarantine every reading (reading_id; null = read at load).';
comment on column raw_record.reading_id is 'The reading that wrote the row (load_reading); null for the reading made when the file was loaded.';
comment on column raw_record_value.reading_id is 'The reading that typed the value (load_reading); null for the reading made when the file was loaded.';
comment on column raw_sheet.reading_id is 'The reading that read the header (load_reading); null for the reading made when the file was loaded.';
comment on column raw_quarantine.reading_id is 'The reading that set the row aside (load_reading); null for the reading made when the file was loaded.';

insert into ledger_schema_version
select 13, current_timestamp
where not exists (select 1 from ledger_schema_version where version = 13);

commit;
