-- fct_reporting_discrepancy: periods in which a department's own figure for a KPI differs from
-- what the system of record measured by more than the KPI's tolerance, compared at the common
-- grain (dim_calendar: ISO week by default, month or fiscal period). iso_week and week_start
-- are kept for the reports written at the week grain: they equal period_label and period_start.
-- Grain: one row per department, KPI and period.
create or replace table fct_reporting_discrepancy as
with

compared as (
    select r.department_code,
           r.kpi_id,
           r.period_label as iso_week,
           r.period_start as week_start,
           r.period_label,
           r.period_start,
           r.period_end,
           r.reported_value,
           m.measured_value,
           r.reported_value - m.measured_value as gap,
           k.tolerance,
           k.owner_role,
           r.load_ids as reported_load_ids,
           m.load_ids as measured_load_ids
    from int_reported_kpi_period as r
    join int_measured_kpi_period as m
      on m.kpi_id = r.kpi_id
     and m.department_code = r.department_code
     and m.period_start = r.period_start
    join dim_kpi as k on k.kpi_id = r.kpi_id
    where m.measured_value is not null and r.reported_value is not null
),

final as (
    select department_code || '/' || kpi_id || '/' || period_label as finding_key,
           *,
           (select config_version from run_context) as config_version
    from compared
    where abs(gap) > tolerance + 1e-9
)

select * from final;

comment on table fct_reporting_discrepancy is 'Periods (of the common grain, the ISO week by default) in which a department''s own figure differs from the system of record beyond the KPI''s tolerance; one row per department, KPI and period.';

-- What each column means, for analysts reading the warehouse (DuckDB CLI, DBeaver) and for
-- docs/data-dictionary.md.
comment on column fct_reporting_discrepancy.finding_key is 'department/KPI/period label (the type''s own key).';
comment on column fct_reporting_discrepancy.department_code is 'The department (departments.yml).';
comment on column fct_reporting_discrepancy.kpi_id is 'The catalogue KPI (kpis.yml).';
comment on column fct_reporting_discrepancy.iso_week is 'Kept for reports written at the week grain: the period label (the ISO week, e.g. 2025-W31, at the default grain).';
comment on column fct_reporting_discrepancy.week_start is 'Kept for reports written at the week grain: the period''s first day (the Monday of the ISO week at the default grain).';
comment on column fct_reporting_discrepancy.period_label is 'The period at the common grain.';
comment on column fct_reporting_discrepancy.period_start is 'First day of the period.';
comment on column fct_reporting_discrepancy.period_end is 'Last day of the period.';
comment on column fct_reporting_discrepancy.reported_value is 'What the department reported (a percentage averaged over the period, an amount summed).';
comment on column fct_reporting_discrepancy.measured_value is 'What the system of record measured, in the KPI''s unit.';
comment on column fct_reporting_discrepancy.gap is 'Reported minus measured.';
comment on column fct_reporting_discrepancy.tolerance is 'How far, in the KPI''s unit, a self-reported figure may be from the measured one.';
comment on column fct_reporting_discrepancy.owner_role is 'The role accountable (roles.yml).';
comment on column fct_reporting_discrepancy.reported_load_ids is 'The loads the reported figure came from.';
comment on column fct_reporting_discrepancy.measured_load_ids is 'The loads the measurement came from.';
comment on column fct_reporting_discrepancy.config_version is 'The governance config version (SHA-256 of the files) the run used; its files: v_config_version.';
