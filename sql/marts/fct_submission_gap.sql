-- fct_submission_gap: periods of the submission calendar (submissions.yml) whose delivery was
-- late or is missing as of the run's date. What delivers a period, and when, is
-- int_submission_delivery's: the first file of the source with a value for a day of the period,
-- or the period's export received after it ended (an empty export included). A delivery is due
-- so many days after the period ends, at a time of day in the plant's time zone (calendar.yml).
-- Periods not yet due are not judged.
-- Grain: one row per submission and period that is late or missing.
create or replace table fct_submission_gap as
with

final as (
    select d.submission_id || '/' || d.period_label              as finding_key,
           case when d.first_received_at is null then 'missing_submission'
                else 'late_submission' end                        as finding_type,
           d.submission_id,
           d.source_id,
           d.department_code,
           d.frequency,
           d.period_label,
           d.period_start,
           d.period_end,
           d.due_at,
           d.first_received_at,
           d.first_load_id,
           date_diff('minute', d.due_at, d.first_received_at) / 1440.0 as days_late,
           (select config_version from run_context)             as config_version
    from int_submission_delivery as d
    where d.is_due
      and (d.first_received_at is null or d.first_received_at > d.due_at)
)

select * from final;

comment on table fct_submission_gap is 'Late or missing deliveries against the submission calendar; one row per submission and period.';

-- What each column means, for analysts reading the warehouse (DuckDB CLI, DBeaver) and for
-- docs/data-dictionary.md.
comment on column fct_submission_gap.finding_key is 'submission/period label (the type''s own key).';
comment on column fct_submission_gap.finding_type is 'missing_submission or late_submission.';
comment on column fct_submission_gap.submission_id is 'The submission (submissions.yml).';
comment on column fct_submission_gap.source_id is 'The source (sources.yml).';
comment on column fct_submission_gap.department_code is 'The department (departments.yml).';
comment on column fct_submission_gap.frequency is 'week, month or quarter.';
comment on column fct_submission_gap.period_label is 'The submission period: 2025-W31, 2025-07 or 2025-Q3.';
comment on column fct_submission_gap.period_start is 'First day of the period.';
comment on column fct_submission_gap.period_end is 'Last day of the period.';
comment on column fct_submission_gap.due_at is 'When the delivery was due (plant time).';
comment on column fct_submission_gap.first_received_at is 'When the first file with a value for the period, or the period''s export (even an empty one), arrived (plant time); null when missing.';
comment on column fct_submission_gap.first_load_id is 'The load of that file.';
comment on column fct_submission_gap.days_late is 'Days after the due time it arrived; null when missing.';
comment on column fct_submission_gap.config_version is 'The governance config version (SHA-256 of the files) the run used; its files: v_config_version.';
