-- The ledger, version 2: values are typed and checked when a file is loaded, not later.
-- Every row read is either in raw_row (loaded: values or layout) or in raw_quarantine (with
-- why), never both, never neither; load_audit records the counts and the load fails if
-- rows_read <> rows_loaded + rows_skipped + rows_quarantined. raw_value holds each typed
-- value beside the text it was typed from.

-- The counts of version 1 stay as they were: rows_loaded are rows that carry values,
-- rows_skipped layout rows (totals) kept but not used; rows_quarantined is new.
alter table load_audit add column if not exists rows_quarantined bigint default 0;
-- Where the file was when it was read (the inbox path as delivered), beside the archive path.
alter table load_audit add column if not exists file_path varchar;
-- The periods the file's values describe, which can make its version key.
alter table load_audit add column if not exists first_period date;
alter table load_audit add column if not exists last_period date;

-- One row per value a loaded row carries, typed with the source's column map as it was
-- when the file was loaded (load_audit.config_version).
create table if not exists raw_value (
    load_id        bigint not null,
    sheet_name     varchar not null,
    row_number     integer not null,             -- as in raw_row: the row or line a person sees
    column_name    varchar,                      -- the header the value was under; null for a constant
    metric_name    varchar not null,             -- the measure or the department's local KPI name
    period_text    varchar,                      -- raw text, as in the file
    period_date    date not null,
    value_text     varchar,                      -- raw text, as in the file (null for a constant)
    value          double not null,              -- typed, scaled and converted to the KPI's unit
    part_id        varchar,
    part_class     varchar,
    lot_id         varchar
);

-- Rows that could not be read, typed or mapped, with why and their raw text.
create table if not exists raw_quarantine (
    load_id      bigint not null,
    source_id    varchar not null,
    file_name    varchar not null,
    sheet_name   varchar not null,
    row_number   integer not null,               -- the row (Excel) or line (editor) a person sees
    reason       varchar not null,               -- whole sentences: which column, what text, why
    fields       varchar[] not null              -- the raw text of each field, in header order
);

insert into ledger_schema_version
select 2, current_timestamp
where not exists (select 1 from ledger_schema_version where version = 2);
