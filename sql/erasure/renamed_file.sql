-- The kept files an erasure renamed because their name held the person's name (paths relative
-- to the home folder), so that the ledger's paths follow each file exactly, a counter included.
create or replace temp table erasure_renamed_file (
    from_path varchar not null,
    to_path   varchar not null
);
