-- The ledger, version 12: a loaded file's own last-modified time beside when we received it.
-- * load_audit.file_modified_at: the time (UTC) the inbox's file system gave the file. Until
--   this version that was received_at itself. received_at is still that time, unless it cannot
--   be when the file reached us (FileLoader.receivedAt): a time after the load (a clock ahead),
--   or one before a file already loaded whose values for the same metrics and periods it
--   competes with (a copy that kept an old file's time: cp -p, rsync -t, an unzipped delivery).
--   Then received_at is the load time, so a correction never ranks as older than what it
--   corrects, and this column keeps the file's own.
--   For loads before this version it is their received_at, which was taken from it.
-- Applied once (Warehouse skips a version already recorded), in one transaction.

begin transaction;

alter table load_audit add column file_modified_at timestamp;

update load_audit set file_modified_at = received_at;

insert into ledger_schema_version
select 12, current_timestamp
where not exists (select 1 from ledger_schema_version where version = 12);

commit;
