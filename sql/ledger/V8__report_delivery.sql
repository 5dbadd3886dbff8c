-- The ledger, version 8: report deliveries. One row per report and recipient each time
-- Plumbline tried to e-mail a report (the nightly run's deliver step, or `plumbline resend`),
-- whatever came of it. Append-only: a resend adds a row, so the latest row of a report and
-- recipient says where it stands and the earlier ones say what happened before. Kept in the
-- ledger because it must outlive every rebuild; the PDFs themselves stay in the outbox.
-- (V4, V6, V7 are other branches' versions; the migrations are idempotent in any order.)

create sequence if not exists report_delivery_id_seq start 1;

create table if not exists report_delivery (
    report_delivery_id bigint primary key,
    run_id             bigint,              -- the nightly run (job execution) whose report it is; null for a file resent by name
    as_of_date         date,                -- the as-of date in the report's name
    report_file        varchar not null,    -- the file name in the outbox, e.g. executive-summary_as-of-2026-01-31.pdf
    report_sha256      varchar,             -- SHA-256 (hex) of the bytes attached; null when the file was missing
    list_name          varchar,             -- the distribution list (plumbline.delivery.email.lists.<name>); null for an address given to resend
    recipient          varchar not null,    -- the e-mail address
    outcome            varchar not null,    -- sent | failed
    attempts           integer not null,    -- how many times the mail server was asked (0: the file was missing)
    reason             varchar,             -- why it failed, in plain words; null when sent
    first_attempt_at   timestamp not null,  -- local time of the first attempt
    finished_at        timestamp not null,  -- local time it was sent or given up
    requested_by       varchar not null     -- nightly (the deliver step) or resend
);

insert into ledger_schema_version
select 8, current_timestamp
where not exists (select 1 from ledger_schema_version where version = 8);
