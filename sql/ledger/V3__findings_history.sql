-- The ledger, findings history: what must survive the rebuild of everything downstream.
-- Append-only like V1: rows are inserted, never updated or deleted.
-- * reconcile_run: every reconciliation, with its as-of date and config version;
-- * config_version_history: the bytes of every governance file under each config version a
--   run used, so a changed tolerance or mapping can be shown and past findings told apart
--   from restated ones;
-- * finding_history: the findings of every run, so the next run can classify its own as
--   new, persisting or resolved;
-- * finding_acknowledgement: notes people attach to a finding, with who and when; the latest
--   one for a finding key is in force.

create sequence if not exists reconcile_run_seq start 1;

create table if not exists reconcile_run (
    run_id           bigint primary key,
    job_execution_id bigint,
    as_of_date       date not null,
    config_version   varchar not null,
    reconciled_at    timestamp not null
);

create table if not exists config_version_history (
    config_version varchar not null,
    file_name      varchar not null,
    file_text      varchar not null,
    first_used_at  timestamp not null,
    first_run_id   bigint not null,
    primary key (config_version, file_name)
);

create table if not exists finding_history (
    run_id                  bigint not null,
    finding_key             varchar not null,
    finding_type            varchar not null,
    severity                varchar not null,
    department_code         varchar,
    kpi_id                  varchar,
    period_label            varchar,
    gap                     double,
    is_covered_by_deviation boolean not null,
    config_version          varchar not null
);

create table if not exists finding_acknowledgement (
    finding_key     varchar not null,
    note            varchar not null,
    acknowledged_by varchar not null,
    acknowledged_at timestamp not null
);

insert into ledger_schema_version
select 3, current_timestamp
where not exists (select 1 from ledger_schema_version where version = 3);
