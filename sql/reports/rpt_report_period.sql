-- rpt_report_period: the reporting periods a report can be set to (plumbline.report.period:
-- week, month or quarter), each as the last complete one before the as-of date and the one
-- before it, which "what changed since the last period" compares with. The same rule as
-- ReportPeriod.lastCompleteBefore in Java (a test holds them together).
-- Grain: one row per period kind (exactly three rows).
create or replace table rpt_report_period as
with

context as (
    select as_of_date from run_context
),

starts as (
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

final as (
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
    from starts
)

select * from final order by period_kind
