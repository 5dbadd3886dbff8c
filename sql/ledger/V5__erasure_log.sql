-- The ledger, version 5: the erasure log. The ledger is append-only; an erasure request
-- (a person's right to erasure) is the one audited exception: `plumbline erase` replaces the
-- person's name with [erased] in the raw text and the archived files, and records here when,
-- who asked, why and how much it changed. The log itself is append-only and never holds the
-- name: only its SHA-256, so that "was this person erased?" can be answered by hashing the
-- name again (org.plumbline.erasure.Person says how the name is normalised first).
-- (V3 and V4 are other branches' versions; the migrations are idempotent in any order.)

create sequence if not exists erasure_id_seq start 1;

-- One row per erasure.
create table if not exists erasure_log (
    erasure_id    bigint primary key,
    erased_at     timestamp not null,   -- when the erasure was committed (UTC)
    requested_by  varchar not null,     -- who asked, as the operator wrote it
    reason        varchar not null,     -- why, e.g. the request's reference
    person_sha256 varchar not null,     -- SHA-256 (hex) of the normalised name, never the name
    occurrences   bigint not null       -- values and text passages replaced, over all places
);

-- Per erasure, each place that held the name: a ledger table, an archived or waiting file,
-- the published snapshots that were removed.
create table if not exists erasure_log_place (
    erasure_id  bigint not null,
    place       varchar not null,       -- e.g. ledger raw_row, archive/35-crm_complaints_2025-Q3.json
    items       bigint not null,        -- rows or files changed (or removed)
    occurrences bigint not null         -- values or text passages replaced
);

insert into ledger_schema_version
select 5, current_timestamp
where not exists (select 1 from ledger_schema_version where version = 5);
