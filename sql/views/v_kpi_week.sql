-- v_kpi_week: each catalogue KPI per department and ISO week, measured beside self-reported.
create or replace view v_kpi_week as
with weeks as (
    select kpi_id, department_code, iso_week, week_start from int_measured_kpi_weekly
    union
    select kpi_id, department_code, iso_week, week_start from int_reported_kpi_weekly
)
select w.kpi_id,
       k.kpi_name,
       k.triad_dimension,
       k.unit,
       k.direction,
       w.department_code,
       w.iso_week,
       w.week_start,
       m.measured_value,
       m.is_complete as measured_is_complete,
       r.reported_value,
       r.reported_value - m.measured_value as reported_minus_measured,
       k.tolerance,
       k.target
from weeks as w
join dim_kpi as k using (kpi_id)
left join int_measured_kpi_weekly as m using (kpi_id, department_code, week_start)
left join int_reported_kpi_weekly as r using (kpi_id, department_code, week_start);

comment on view v_kpi_week is 'One row per KPI, department and ISO week with data: the system of record''s measurement beside the department''s own figure, using the delivery in force for each period.';
comment on column v_kpi_week.kpi_id is 'The catalogue KPI (kpis.yml).';
comment on column v_kpi_week.kpi_name is 'The KPI''s name.';
comment on column v_kpi_week.triad_dimension is 'quality, cost or speed.';
comment on column v_kpi_week.unit is 'The KPI''s unit (percent, EUR, units, count).';
comment on column v_kpi_week.direction is 'higher_is_better or lower_is_better.';
comment on column v_kpi_week.department_code is 'The department.';
comment on column v_kpi_week.iso_week is 'The ISO week, e.g. 2025-W31.';
comment on column v_kpi_week.week_start is 'The Monday of the ISO week.';
comment on column v_kpi_week.measured_value is 'As the system of record measures it (kpis.yml measured_by); a count without a denominator (complaints) is 0 in a week its exports covered without a row; null where none measures it, where the week is not yet whole (measured_is_complete).';
comment on column v_kpi_week.measured_is_complete is 'False where the week holds a day the system''s exports have not yet spoken for (a monthly export ending mid-week, a week that runs past the as-of date): measured_value is then null, and the week is neither judged nor compared until its days are all in; null where no system measures the KPI.';
comment on column v_kpi_week.reported_value is 'As the department reported it (a daily percentage averaged, an amount summed); null where it did not.';
comment on column v_kpi_week.reported_minus_measured is 'Reported minus measured; beyond tolerance it is a reporting discrepancy.';
comment on column v_kpi_week.tolerance is 'How far reported may be from measured, in the KPI''s unit.';
comment on column v_kpi_week.target is 'The KPI''s target.';
