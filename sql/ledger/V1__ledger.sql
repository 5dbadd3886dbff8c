-- The ledger, version 1: what arrived, byte for byte traceable. Append-only: rows are
-- inserted, never updated or deleted (erasure requests are the one audited exception).
-- Two time axes: the period a value describes is in its fields; when we received it is
-- received_at.

create table if not exists ledger_schema_version (
    version    integer primary key,
    applied_at timestamp not null
);

create sequence if not exists load_id_seq start 1;
create sequence if not exists delivery_id_seq start 1;

-- One row per loaded file, written in the same transaction as the file's rows: a file is
-- wholly in the ledger with this row, or not at all. content_hash makes a re-delivery a no-op.
create table if not exists load_audit (
    load_id          bigint primary key,
    content_hash     varchar not null unique,   -- SHA-256 of the file's bytes, hex
    source_id        varchar not null,
    file_name        varchar not null,          -- as delivered to the inbox
    archive_path     varchar not null,          -- relative to the home folder
    file_size_bytes  bigint not null,
    received_at      timestamp not null,        -- when the file arrived in the inbox
    loaded_at        timestamp not null,
    version_key      varchar not null,          -- files with the same key are versions of one document
    rows_read        bigint not null,
    rows_loaded      bigint not null,
    rows_skipped     bigint not null,           -- layout rows such as totals
    job_execution_id bigint,
    config_version   varchar not null
);

-- Every file seen in the inbox and what became of it.
create table if not exists file_delivery (
    delivery_id  bigint primary key,
    content_hash varchar,
    file_name    varchar not null,
    source_id    varchar,
    received_at  timestamp not null,
    seen_at      timestamp not null,
    outcome      varchar not null,               -- loaded | duplicate | rejected
    load_id      bigint,                         -- the load that holds these bytes
    reason       varchar                         -- why rejected, or which load it duplicates
);

-- The header of each sheet (or the file, for flat formats) as read.
create table if not exists raw_sheet (
    load_id      bigint not null,
    sheet_name   varchar not null,
    header_row   integer not null,
    column_names varchar[] not null
);

-- One row per data row read, with the raw text of each field in header order.
create table if not exists raw_row (
    load_id      bigint not null,
    source_id    varchar not null,
    content_hash varchar not null,
    received_at  timestamp not null,
    version_key  varchar not null,
    sheet_name   varchar not null,
    row_number   integer not null,               -- the row (Excel) or line (editor) a person sees
    is_layout    boolean not null,               -- a totals or other layout row: kept, not a value
    fields       varchar[] not null
);

insert into ledger_schema_version
select 1, current_timestamp
where not exists (select 1 from ledger_schema_version where version = 1);
