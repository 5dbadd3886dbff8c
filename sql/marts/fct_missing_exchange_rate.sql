-- fct_missing_exchange_rate: money delivered in a currency other than the reporting currency
-- for a month that exchange_rates (calendar.yml) gives no rate for. Its values cannot be added
-- to the others, so the KPIs of the periods holding them have no value (int_measured_kpi_*,
-- int_reported_kpi_*) until the rate is added; this finding says which rate is missing.
-- Grain: one row per source, currency and month without a rate.
create or replace table fct_missing_exchange_rate as
with

unconverted as (
    select * from int_observation_current where is_current and is_missing_exchange_rate
),

final as (
    select u.source_id || '/' || u.currency_as_delivered || '/' || strftime(date_trunc('month', u.period_date), '%Y-%m')
                                                           as finding_key,
           u.source_id,
           any_value(u.department_code)                    as department_code,
           u.currency_as_delivered                         as currency,
           (select reporting_currency from dim_calendar limit 1) as reporting_currency,
           date_trunc('month', u.period_date)::date         as month_start,
           strftime(date_trunc('month', u.period_date), '%Y-%m') as month_label,
           list(distinct u.metric_name order by u.metric_name) as metric_names,
           count(*)                                        as value_count,
           plumbline_sum(u.value_as_delivered)                       as amount_as_delivered,
           list(distinct u.load_id order by u.load_id)     as load_ids,
           (select config_version from run_context)        as config_version
    from unconverted as u
    group by u.source_id, u.currency_as_delivered, date_trunc('month', u.period_date)
)

select * from final;

comment on table fct_missing_exchange_rate is 'Money in another currency than the reporting currency for a month without an exchange rate; the KPIs of those periods have no value until the rate is added. One row per source, currency and month.';

-- What each column means, for analysts reading the warehouse (DuckDB CLI, DBeaver) and for
-- docs/data-dictionary.md.
comment on column fct_missing_exchange_rate.finding_key is 'source/currency/month.';
comment on column fct_missing_exchange_rate.source_id is 'The source (sources.yml).';
comment on column fct_missing_exchange_rate.department_code is 'The source''s department.';
comment on column fct_missing_exchange_rate.currency is 'The currency the money was booked in.';
comment on column fct_missing_exchange_rate.reporting_currency is 'The currency money is reported in (calendar.yml: reporting_currency).';
comment on column fct_missing_exchange_rate.month_start is 'First day of the month without a rate.';
comment on column fct_missing_exchange_rate.month_label is 'The month, yyyy-mm.';
comment on column fct_missing_exchange_rate.metric_names is 'The money metrics with values that month.';
comment on column fct_missing_exchange_rate.value_count is 'How many values could not be converted.';
comment on column fct_missing_exchange_rate.amount_as_delivered is 'Their sum in the currency as delivered.';
comment on column fct_missing_exchange_rate.load_ids is 'The loads (load_audit.load_id) whose rows the finding was computed from.';
comment on column fct_missing_exchange_rate.config_version is 'The governance config version (SHA-256 of the files) the run used; its files: v_config_version.';
