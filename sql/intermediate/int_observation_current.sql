-- int_observation_current: every typed value with whether it is the one in force.
-- What is replaced is a statement about a period, not a date: a period is taken at its source's
-- grain (stg_observation.period_start), so a monthly correction dated 31.01. replaces the
-- original dated 01.01., and a weekly value dated by any day of its week is that ISO week. A
-- period is its grain and its first day: September 2025 and the ISO week from Monday 1 September
-- 2025 are two periods, neither replaces the other (which grain speaks for a period of the common
-- grain is int_kpi_observation's decision; a change of it is a revision across grains).
-- A department's figure for a catalogue KPI is one statement per period, whichever of its
-- self-reported sources (a monthly CSV, a quarterly overview) and local KPI names it came
-- through: when a later delivery covers the same KPI and period again (a corrected workbook,
-- under any file name) the latest received replaces the earlier one, never adds to it. A
-- self-reported metric mapped to no KPI speaks for its source and name alone. A system of
-- record delivers many rows per period, split over files in its own way, so its rows add up
-- across files and only a new version of the same file (same version_key: the same name sent
-- again) replaces the earlier one (document_key).
-- A new version of a document (same version_key) replaces the whole document: only the newest
-- version of each version key competes, so a period an older version held and the newest no
-- longer holds is not in force from the older one (fct_retroactive_revision reports it as
-- withdrawn); another document's value for that period may then be in force.
-- Replaced values stay here (is_current = false) for the retroactive-revision finding and for
-- "what did we know on date D".
-- Money is converted here, on the way from staging to the facts: a value of a money column
-- (dim_money_column) booked in another currency than the reporting currency (dim_calendar) is
-- multiplied by the exchange rate of its period's month (dim_exchange_rate); as delivered it
-- stays in value_as_delivered. Where that month has no rate the value is null and
-- is_missing_exchange_rate is true: the weekly and period KPI tables then have no value for
-- that period (never a sum that silently leaves the value out) and fct_missing_exchange_rate
-- says which rate to add.
-- statement_key: what the value is a statement about, as ranked here ("department PROD, KPI
-- units_produced" or "source mes, metric produced").
-- Only the columns later layers use, so the widest table is not copied again.
-- Grain: one row per stg_observation row.
create or replace table int_observation_current as
with

observations as (
    select o.load_id, o.source_id, o.department_code, o.source_kind, o.version_key, o.is_current_version,
           o.next_version_load_id, o.sheet_name, o.row_number, o.received_at, o.metric_name, o.period_date,
           o.period_grain, o.period_start, o.placement_date, o.week_start, o.iso_week, o.metric_value,
           o.part_id, o.part_class, o.lot_id,
           case when o.source_kind = 'self_reported' and n.kpi_id is not null
                then 'department ' || o.department_code || ', KPI ' || n.kpi_id
                else 'source ' || o.source_id || ', metric ' || o.metric_name end as statement_key
    from stg_observation as o
    left join dim_kpi_local_name as n
      on n.department_code = o.department_code and n.local_name = o.metric_name
),

deliveries as (
    select statement_key, period_grain, period_start, load_id,
           case when any_value(source_kind) = 'system_of_record' then any_value(version_key) end as document_key,
           bool_and(is_current_version) as is_current_version,
           min(received_at) as received_at
    from observations
    group by statement_key, period_grain, period_start, load_id
),

-- Only the newest version of a document is in force; among those, the latest received.
ranked as (
    select statement_key, period_grain, period_start, load_id, document_key,
           is_current_version
             and row_number() over (partition by statement_key, period_grain, period_start, document_key
                                    order by is_current_version desc, received_at desc, load_id desc) = 1
               as is_current
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
    join ranked as r
      on r.statement_key = o.statement_key and r.period_start = o.period_start and r.load_id = o.load_id
     and r.period_grain is not distinct from o.period_grain   -- none for a source of rows only
    left join dim_money_column as m using (source_id, metric_name)
    left join dim_exchange_rate as x
      on x.currency = m.currency
     and x.base_currency = (select reporting_currency from reporting)
     and x.month_start = date_trunc('month', o.period_date)
)

select * from final
