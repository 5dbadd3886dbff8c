-- The ledger, version 15: the settings a file was read under. A file is typed, scaled and mapped
-- when it is loaded, under its source's entry in sources.yml and what else the reading takes from
-- the config (a department's local KPI names and their KPIs' units and valid ranges, a department
-- column's department names and aliases, the plant's time zone: ReadingSettings.java says which and
-- why). Changing any of it later leaves the files already loaded as they were read until
-- plumbline reload reads them again (V13), and until now nothing said so.
-- * load_audit.settings_fingerprint, load_reading.settings_fingerprint: the SHA-256 of those
--   settings in a canonical form (not the files' bytes: a comment or a key order changes nothing)
--   for the reading made at load and for each reading after it. Null for a load or reading made
--   before this version: unknown, never counted as read under other settings.
-- * load_settings: each load's source and the fingerprint of its latest reading, which status, the
--   run's summary, config check and the report's data-quality appendix hold against the source's
--   fingerprint now (dim_source.settings_fingerprint).
-- Applied once (Warehouse skips a version already recorded), in one transaction.

begin transaction;

alter table load_audit add column settings_fingerprint varchar;
alter table load_reading add column settings_fingerprint varchar;

create view load_settings as
select a.load_id,
       a.source_id,
       a.received_at,
       case when lr.reading_id is null then a.settings_fingerprint else r.settings_fingerprint end
           as settings_fingerprint
from load_audit as a
left join load_latest_reading as lr using (load_id)
left join load_reading as r on r.reading_id = lr.reading_id;

comment on column load_audit.settings_fingerprint is 'SHA-256 of the settings the file was read under when it was loaded (its source''s entry and what else the reading takes from the config, in a canonical form; ledger V15); null for a load made before V15: unknown.';
comment on column load_reading.settings_fingerprint is 'SHA-256 of the settings the file was read under by this reading (as load_audit.settings_fingerprint; ledger V15); null for a reading made before V15: unknown.';
comment on view load_settings is 'Each load''s source and the settings fingerprint of its latest reading (ledger V15): the load''s own when it was never read again; null when that reading was made before V15 (unknown).';

insert into ledger_schema_version
select 15, current_timestamp
where not exists (select 1 from ledger_schema_version where version = 15);

commit;
