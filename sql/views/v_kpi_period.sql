-- v_kpi_period: each catalogue KPI per department and period of the common grain (calendar.yml
-- common_grain: ISO week, month or fiscal period), measured beside self-reported: the figures
-- the findings compare and judge. At the default week grain it holds what v_kpi_week holds.
create or replace view v_kpi_period as
with periods as (
    select kpi_id, department_code, period_label, period_start, period_end from int_measured_kpi_period
    union
    select kpi_id, department_code, period_label, period_start, period_end from int_reported_kpi_period
)
select p.kpi_id,
       k.kpi_name,
       k.triad_dimension,
       k.unit,
       k.direction,
       p.department_code,
       c.common_grain as period_grain,
       p.period_label,
       p.period_start,
       p.period_end,
       m.measured_value,
       m.is_complete as measured_is_complete,
       r.reported_value,
       r.reported_value - m.measured_value as reported_minus_measured,
       k.tolerance,
       k.target
from periods as p
join dim_kpi as k using (kpi_id)
cross join (select common_grain from dim_calendar limit 1) as c
left join int_measured_kpi_period as m using (kpi_id, department_code, period_start)
left join int_reported_kpi_period as r using (kpi_id, department_code, period_start);

comment on view v_kpi_period is 'One row per KPI, department and period of the common grain (calendar.yml common_grain: week, month or fiscal_period) with data: the system of record''s measurement beside the department''s own figure, as the findings compare them. Money is in the reporting currency.';
comment on column v_kpi_period.kpi_id is 'The catalogue KPI (kpis.yml).';
comment on column v_kpi_period.kpi_name is 'The KPI''s name.';
comment on column v_kpi_period.triad_dimension is 'quality, cost or speed.';
comment on column v_kpi_period.unit is 'The KPI''s unit (percent, units, count, or the reporting currency such as EUR).';
comment on column v_kpi_period.direction is 'higher_is_better or lower_is_better.';
comment on column v_kpi_period.department_code is 'The department.';
comment on column v_kpi_period.period_grain is 'The common grain: week, month or fiscal_period.';
comment on column v_kpi_period.period_label is 'The period as people say it: 2025-W31, 2025-07 or FY2025-P07.';
comment on column v_kpi_period.period_start is 'First day of the period.';
comment on column v_kpi_period.period_end is 'Last day of the period.';
comment on column v_kpi_period.measured_value is 'As the system of record measures it (kpis.yml measured_by); a count without a denominator (complaints) is 0 in a period its exports covered without a row; null where none measures it, where the period is not yet whole (measured_is_complete), or where money in it lacks an exchange rate.';
comment on column v_kpi_period.measured_is_complete is 'False where the period holds a day the system''s exports have not yet spoken for (a monthly export ending mid-week, a period that runs past the as-of date): measured_value is then null, and the period is neither judged nor compared until its days are all in; null where no system measures the KPI.';
comment on column v_kpi_period.reported_value is 'As the department reported it (a percentage averaged over the period, an amount summed); null where it did not.';
comment on column v_kpi_period.reported_minus_measured is 'Reported minus measured; beyond tolerance it is a reporting discrepancy.';
comment on column v_kpi_period.tolerance is 'How far reported may be from measured, in the KPI''s unit.';
comment on column v_kpi_period.target is 'The KPI''s target.';
