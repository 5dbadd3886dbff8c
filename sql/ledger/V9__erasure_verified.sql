-- The ledger, version 9: what the erasure log adds for an erasure's proof and its spellings.
-- `verified` says whether the search that ends every erasure found the name nowhere (no table,
-- no file, no file name under the home folder, not in the job repository): true, or false with
-- the places listed by the command; null for erasures logged before this version. One person
-- may be erased under several spellings in one run; each spelling's SHA-256 is kept in
-- erasure_log_person (erasure_log.person_sha256 keeps the first, the longest).

alter table erasure_log add column if not exists verified boolean;

create table if not exists erasure_log_person (
    erasure_id    bigint not null,
    person_sha256 varchar not null        -- SHA-256 (hex) of one normalised spelling, never the name
);

insert into ledger_schema_version
select 9, current_timestamp
where not exists (select 1 from ledger_schema_version where version = 9);
