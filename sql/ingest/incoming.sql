-- Scratch tables for one file being loaded. Temporary: private to the loading connection and
-- gone with it. A reader fills them; append_to_ledger.sql moves them into the ledger inside
-- the file's transaction.
-- What is known of the file being loaded: one row, written before append_to_ledger.sql runs.
create or replace temp table incoming_load (
    load_id      bigint not null,
    source_id    varchar not null,
    content_hash varchar not null,
    received_at  timestamp not null,
    version_key  varchar not null,
    skip_column  varchar,                 -- a layout rule: rows whose skip_column matches
    skip_pattern varchar                  -- skip_pattern are kept but marked is_layout
);

create or replace temp table incoming_sheet (
    sheet_name   varchar not null,
    header_row   integer not null,
    column_names varchar[] not null
);

create or replace temp table incoming_row (
    sheet_name varchar not null,
    row_number integer not null,
    fields     varchar[] not null
);

-- Spreadsheet cells as the Java reader streams them: one row per cell, every column of the
-- sheet's width present (null where empty), so collecting them gives dense field lists.
-- (incoming_flat, for CSV, JSON and Parquet, is made by the reader from the file's own columns.)

create or replace temp table incoming_cell (
    sheet_name   varchar not null,
    row_number   integer not null,
    column_index integer not null,
    value        varchar
);
