-- rpt_report_period: the reporting periods a report can be set to (plumbline.report.period:
-- week, month or quarter), each as the last complete one before the as-of date and the one
-- before it, which "what changed since the last period" compares with. The report's title,
-- its summary and its "what changed" pages all take their period from here.
-- A company that compares by fiscal periods (calendar.yml: common_grain: fiscal_period) reports
-- by its fiscal calendar (dim_date): a month is then a fiscal period (FY2025-P07) and a quarter
-- a fiscal quarter of 13 weeks (FY2025-Q3), so a breach in a fiscal period that starts on
-- 30 June counts in the fiscal quarter it belongs to, not in the calendar quarter of its first
-- day. A week is the ISO week either way: fiscal weeks start on Mondays.
-- Grain: one row per period kind (exactly three rows).
create or replace table rpt_report_period as
with

context as (
    select as_of_date from run_context
),

is_fiscal as (
    select coalesce(max(common_grain) = 'fiscal_period', false) as fiscal from dim_calendar
),

calendar_periods as (
    select 'week' as period_kind,
           cast(date_trunc('week', as_of_date) - interval 7 day as date) as period_start,
           interval 7 day as period_length
    from context
    union all
    select 'month', cast(date_trunc('month', as_of_date) - interval 1 month as date), interval 1 month
    from context
    union all
    select 'quarter', cast(date_trunc('quarter', as_of_date) - interval 3 month as date), interval 3 month
    from context
),

calendar_labelled as (
    select period_kind,
           period_start,
           cast(period_start + period_length - interval 1 day as date) as period_end,
           cast(period_start - period_length as date)                  as previous_start,
           cast(period_start - interval 1 day as date)                 as previous_end,
           case period_kind
               when 'week' then strftime(period_start, '%G-W%V')
               when 'month' then strftime(period_start, '%Y-%m')
               else strftime(period_start, '%Y') || '-Q' || quarter(period_start) end as period_label,
           case period_kind
               when 'week' then strftime(period_start - period_length, '%G-W%V')
               when 'month' then strftime(period_start - period_length, '%Y-%m')
               else strftime(period_start - period_length, '%Y') || '-Q' || quarter(period_start - period_length)
           end                                                          as previous_label
    from calendar_periods
),

-- The fiscal period (or quarter) that ended the day before the as-of date's began, and the one
-- before that: each found by the day before the next one's start.
fiscal_labelled as (
    select 'month' as period_kind,
           p.fiscal_period_start as period_start, p.fiscal_period_end as period_end,
           b.fiscal_period_start as previous_start, b.fiscal_period_end as previous_end,
           p.fiscal_period_label as period_label, b.fiscal_period_label as previous_label
    from context as c
    join dim_date as today on today.calendar_date = c.as_of_date
    join dim_date as p on p.calendar_date = today.fiscal_period_start - 1
    join dim_date as b on b.calendar_date = p.fiscal_period_start - 1
    union all
    select 'quarter',
           p.fiscal_quarter_start, p.fiscal_quarter_end,
           b.fiscal_quarter_start, b.fiscal_quarter_end,
           p.fiscal_quarter_label, b.fiscal_quarter_label
    from context as c
    join dim_date as today on today.calendar_date = c.as_of_date
    join dim_date as p on p.calendar_date = today.fiscal_quarter_start - 1
    join dim_date as b on b.calendar_date = p.fiscal_quarter_start - 1
),

final as (
    select l.*
    from calendar_labelled as l, is_fiscal as f
    where not f.fiscal or l.period_kind = 'week'
    union all
    select l.*
    from fiscal_labelled as l, is_fiscal as f
    where f.fiscal
)

select * from final order by period_kind
