-- fct_reporting_discrepancy: weeks in which a department's own figure for a KPI differs from
-- what the system of record measured by more than the KPI's tolerance.
-- Grain: one row per department, KPI and ISO week.
create or replace table fct_reporting_discrepancy as
with

compared as (
    select r.department_code,
           r.kpi_id,
           r.iso_week,
           r.week_start,
           r.reported_value,
           m.measured_value,
           r.reported_value - m.measured_value as gap,
           k.tolerance,
           k.owner_role,
           r.load_ids as reported_load_ids,
           m.load_ids as measured_load_ids
    from int_reported_kpi_weekly as r
    join int_measured_kpi_weekly as m
      on m.kpi_id = r.kpi_id
     and m.department_code = r.department_code
     and m.week_start = r.week_start
    join dim_kpi as k on k.kpi_id = r.kpi_id
    where m.measured_value is not null
),

final as (
    select department_code || '/' || kpi_id || '/' || iso_week as finding_key,
           *,
           (select config_version from run_context) as config_version
    from compared
    where abs(gap) > tolerance + 1e-9
)

select * from final;

comment on table fct_reporting_discrepancy is 'Weeks in which a department''s own figure differs from the system of record beyond the KPI''s tolerance; one row per department, KPI and ISO week.';
