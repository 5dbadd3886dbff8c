-- int_observation_current: every typed value with whether it is the one in force.
-- A department's figure is one value per metric and period, so when a later delivery of the
-- same self-reported source covers the same metric and period again (a corrected workbook,
-- under any file name) the latest received replaces the earlier one. A system of record
-- delivers many rows per period, split over files in its own way, so its rows add up across
-- files and only a new version of the same file (same version_key: the same name sent again)
-- replaces the earlier one. Replaced values stay here (is_current = false) for the
-- retroactive-revision finding and for "what did we know on date D".
-- Money is converted here, on the way from staging to the facts: a value of a money column
-- (dim_money_column) booked in another currency than the reporting currency (dim_calendar) is
-- multiplied by the exchange rate of its period's month (dim_exchange_rate); as delivered it
-- stays in value_as_delivered. Where that month has no rate the value is null and
-- is_missing_exchange_rate is true: the weekly and period KPI tables then have no value for
-- that period (never a sum that silently leaves the value out) and fct_missing_exchange_rate
-- says which rate to add.
-- Only the columns later layers use, so the widest table is not copied again.
-- Grain: one row per stg_observation row.
create or replace table int_observation_current as
with

observations as (
    select load_id, source_id, department_code, source_kind, version_key, sheet_name, row_number, received_at,
           metric_name, period_date, period_grain, week_start, iso_week, metric_value, part_id, part_class, lot_id
    from stg_observation
),

deliveries as (
    select source_id, metric_name, period_date, load_id,
           case when any_value(source_kind) = 'system_of_record' then any_value(version_key) end as document_key,
           min(received_at) as received_at
    from observations
    group by source_id, metric_name, period_date, load_id
),

ranked as (
    select source_id, metric_name, period_date, load_id, document_key,
           row_number() over (partition by source_id, metric_name, period_date, document_key
                              order by received_at desc, load_id desc) = 1 as is_current
    from deliveries
),

reporting as (
    select reporting_currency from dim_calendar limit 1
),

final as (
    select o.* exclude (version_key, metric_value),
           case when m.currency is null or m.currency = (select reporting_currency from reporting) then o.metric_value
                else o.metric_value * x.rate end                         as metric_value,
           r.document_key,
           r.is_current,
           o.metric_value                                                 as value_as_delivered,
           m.currency                                                     as currency_as_delivered,
           coalesce(m.currency <> (select reporting_currency from reporting) and x.rate is null, false)
                                                                          as is_missing_exchange_rate
    from observations as o
    join ranked as r using (source_id, metric_name, period_date, load_id)
    left join dim_money_column as m using (source_id, metric_name)
    left join dim_exchange_rate as x
      on x.currency = m.currency
     and x.base_currency = (select reporting_currency from reporting)
     and x.month_start = date_trunc('month', o.period_date)
)

select * from final
