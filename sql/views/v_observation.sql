-- v_observation: every typed value with both time axes: the period it describes and when it
-- was received, so "what did we know on date D" is a filter (received_at before D), and
-- is_current tells the value in force as of the run.
create or replace view v_observation as
select o.source_id,
       o.source_kind,
       o.department_code,
       o.metric_name,
       o.period_date,
       o.iso_week,
       o.metric_value,
       o.received_at,
       o.is_current,
       o.load_id,
       a.file_name,
       o.sheet_name,
       o.row_number,
       o.part_id,
       o.part_class,
       o.lot_id
from int_observation_current as o
join load_audit as a using (load_id);

comment on view v_observation is 'Every typed value received up to the run''s as-of date, with the period it describes (period_date) and when it was received (received_at). What was known on date D: where received_at < D, the newest version of each file (version_key), and per statement and period the latest received.';
comment on column v_observation.source_id is 'The source (sources.yml).';
comment on column v_observation.source_kind is 'self_reported or system_of_record.';
comment on column v_observation.department_code is 'The department the value is about: the one its row names where the source reads it from a column (sources.yml: department_column, one export covering several departments), else the source''s.';
comment on column v_observation.metric_name is 'The measure (system of record) or the department''s own name for the metric.';
comment on column v_observation.period_date is 'The date the period is dated by, as delivered: a day, or any day of the week or month the value describes.';
comment on column v_observation.iso_week is 'The ISO week of period_date.';
comment on column v_observation.metric_value is 'The value, typed and scaled.';
comment on column v_observation.received_at is 'When the file holding it arrived (UTC).';
comment on column v_observation.is_current is 'True for the value in force: from the newest version of its file, and the latest delivery of its statement (a department''s KPI from any of its sources, else the source''s metric) for the period at the source''s grain.';
comment on column v_observation.load_id is 'The load in the ledger (load_audit).';
comment on column v_observation.file_name is 'The file as delivered.';
comment on column v_observation.sheet_name is 'The sheet (XLSX, XLS); empty for flat files (CSV, JSON, Parquet).';
comment on column v_observation.row_number is 'The row (Excel) or line (editor) a person sees.';
comment on column v_observation.part_id is 'The part, where the source says which column holds it.';
comment on column v_observation.part_class is 'The part class (CRITICAL, STANDARD), where known.';
comment on column v_observation.lot_id is 'The lot, where known.';
