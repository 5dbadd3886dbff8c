-- The ledger, version 11: a quarantined row says which of its sheet's tables it lies in.
-- * raw_quarantine.table_name: the table's name from sources.yml (as raw_record.table_name,
--   ledger V10) for a row set aside inside a table of a sheet of several; '' for a row of a
--   sheet (or flat file) that is one table, for a row between or below a sheet's tables, and
--   for every row quarantined before this version.
-- Applied once (Warehouse skips a version already recorded), in one transaction.

begin transaction;

alter table raw_quarantine add column table_name varchar default '';

insert into ledger_schema_version
select 11, current_timestamp
where not exists (select 1 from ledger_schema_version where version = 11);

commit;
