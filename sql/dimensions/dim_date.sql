-- dim_date: the calendar every period label comes from: ISO week, month, quarter and the
-- fiscal calendar of dim_calendar (calendars.yml). A fiscal year starts on the Monday of the
-- week holding the 1st of fiscal_year_start_month and has 52 or 53 weeks; each quarter is 13
-- weeks split by fiscal_pattern (4-4-5: periods of 4, 4 and 5 weeks; a 53rd week joins the
-- last period). common_period_* place each day in the period of the common grain
-- (dim_calendar.common_grain: week, month or fiscal_period) at which figures are compared and
-- policies judged. Grain: one row per day from the first day any value describes (at the latest
-- 2000-01-01) to the end of the year after the as-of date.
create or replace table dim_date as
with

calendar as (
    select * from dim_calendar limit 1
),

bounds as (
    select least(coalesce((select min(period_date) from stg_observation), date '2000-01-01'), date '2000-01-01')
               as first_day,
           (date_trunc('year', (select as_of_date from run_context)) + interval 2 year)::date - 1 as last_day
),

days as (
    select d::date as calendar_date
    from bounds, range(bounds.first_day, bounds.last_day + 1, interval 1 day) as t(d)
),

fiscal_year_starts as (
    select y as fiscal_year,
           date_trunc('week', make_date(y, (select fiscal_year_start_month from calendar), 1))::date as year_start
    from range(year((select first_day from bounds)) - 1, year((select last_day from bounds)) + 2) as t(y)
),

placed as (
    select d.calendar_date,
           f.fiscal_year,
           (d.calendar_date - f.year_start) // 7 as fiscal_week_index
    from days as d
    asof join fiscal_year_starts as f on d.calendar_date >= f.year_start
),

pattern as (
    select fiscal_pattern,
           case fiscal_pattern when '5-4-4' then 5 else 4 end as first_period_weeks,
           case fiscal_pattern when '4-4-5' then 8 else 9 end as first_two_periods_weeks
    from calendar
),

labelled as (
    select p.calendar_date,
           date_trunc('week', p.calendar_date)::date                  as week_start,
           strftime(p.calendar_date, '%G-W%V')                        as iso_week,
           strftime(p.calendar_date, '%Y-%m')                         as month_label,
           year(p.calendar_date) || '-Q' || quarter(p.calendar_date)  as quarter_label,
           p.fiscal_year,
           p.fiscal_week_index + 1                                    as fiscal_week,
           least(p.fiscal_week_index // 13, 3) + 1                    as fiscal_quarter,
           least(p.fiscal_week_index // 13, 3) * 3
             + case when p.fiscal_week_index >= 52 then 3
                    when p.fiscal_week_index % 13 < t.first_period_weeks then 1
                    when p.fiscal_week_index % 13 < t.first_two_periods_weeks then 2
                    else 3 end                                        as fiscal_period,
           t.fiscal_pattern
    from placed as p, pattern as t
),

fiscal_periods as (
    select *,
           min(calendar_date) over (partition by fiscal_year, fiscal_period)           as fiscal_period_start,
           max(calendar_date) over (partition by fiscal_year, fiscal_period)           as fiscal_period_end,
           'FY' || fiscal_year || '-P' || lpad(fiscal_period::varchar, 2, '0')          as fiscal_period_label,
           min(calendar_date) over (partition by fiscal_year, fiscal_quarter)          as fiscal_quarter_start,
           max(calendar_date) over (partition by fiscal_year, fiscal_quarter)          as fiscal_quarter_end,
           'FY' || fiscal_year || '-Q' || fiscal_quarter                               as fiscal_quarter_label
    from labelled
),

final as (
    select f.*,
           case c.common_grain
               when 'month' then date_trunc('month', f.calendar_date)::date
               when 'fiscal_period' then f.fiscal_period_start
               else f.week_start end                                                 as common_period_start,
           case c.common_grain
               when 'month' then (date_trunc('month', f.calendar_date) + interval 1 month)::date - 1
               when 'fiscal_period' then f.fiscal_period_end
               else f.week_start + 6 end                                             as common_period_end,
           case c.common_grain
               when 'month' then f.month_label
               when 'fiscal_period' then f.fiscal_period_label
               else f.iso_week end                                                   as common_period_label
    from fiscal_periods as f, calendar as c
),

-- the ISO weeks a common period holds: those whose Thursday falls in it, as every model places a
-- week; what a weekly target (kpis.yml) is multiplied by for an amount over the period
weeks as (
    select *,
           count(*) filter (where isodow(calendar_date) = 4) over (partition by common_period_start)
               as common_period_week_count
    from final
)

select * from weeks order by calendar_date;

-- What each column means, for analysts reading the warehouse (DuckDB CLI, DBeaver) and for
-- docs/data-dictionary.md.
comment on table dim_date is 'The calendar every period label comes from: ISO week, month, quarter, the fiscal calendar and the common grain; one row per day.';
comment on column dim_date.calendar_date is 'The day.';
comment on column dim_date.week_start is 'The Monday of the day''s ISO week.';
comment on column dim_date.iso_week is 'The ISO week, e.g. 2025-W31.';
comment on column dim_date.month_label is 'The month, yyyy-mm.';
comment on column dim_date.quarter_label is 'The calendar quarter, e.g. 2025-Q3.';
comment on column dim_date.fiscal_year is 'The fiscal year (named by the calendar year it starts in).';
comment on column dim_date.fiscal_week is 'The week of the fiscal year, from 1.';
comment on column dim_date.fiscal_quarter is 'The fiscal quarter, 1-4.';
comment on column dim_date.fiscal_period is 'The fiscal period (fiscal month), 1-12.';
comment on column dim_date.fiscal_pattern is 'Weeks per fiscal month within a quarter: 4-4-5, 4-5-4 or 5-4-4.';
comment on column dim_date.fiscal_period_start is 'First day of the fiscal period.';
comment on column dim_date.fiscal_period_end is 'Last day of the fiscal period.';
comment on column dim_date.fiscal_period_label is 'The fiscal period, e.g. FY2025-P07.';
comment on column dim_date.fiscal_quarter_start is 'First day of the fiscal quarter (13 weeks; 14 with a 53rd week).';
comment on column dim_date.fiscal_quarter_end is 'Last day of the fiscal quarter.';
comment on column dim_date.fiscal_quarter_label is 'The fiscal quarter, e.g. FY2025-Q3.';
comment on column dim_date.common_period_start is 'First day of the day''s period at the common grain (calendar.yml: common_grain).';
comment on column dim_date.common_period_end is 'Last day of the day''s period at the common grain.';
comment on column dim_date.common_period_label is 'The day''s period at the common grain: 2025-W31, 2025-07 or FY2025-P07.';
comment on column dim_date.common_period_week_count is 'The ISO weeks that period holds, each counted in the period its Thursday is in: 1 for a week, 4 or 5 for a month.';
