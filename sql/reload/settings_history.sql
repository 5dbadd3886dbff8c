-- Whether the ledger keeps the settings a file is read under (ledger V15 applied), and whether a
-- run has reconciled since it was: the loads last read before V15 have no fingerprint (unknown),
-- which the first run after the upgrade says, once (ReadingDrift.java); its status keeps the sentence.
select exists (select 1 from ledger_schema_version where version = 15) as settings_kept,
       exists (select 1
               from reconcile_run
               where reconciled_at >= (select applied_at from ledger_schema_version where version = 15))
           as unknown_told
