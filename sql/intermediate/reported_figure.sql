-- plumbline_reported_figure: how a department's values for one KPI make its figure for a longer
-- period, the one rule int_reported_kpi_weekly, int_reported_kpi_period and the revision across
-- grains (fct_retroactive_revision) share: by the KPI's aggregation (dim_kpi), the mean of a rate
-- or a time, the sum of an amount; no figure at all where a value holds money that could not be
-- converted (no exchange rate), never a sum that silently leaves it out. An aggregate: use it
-- with group by. A macro of the rebuild's session (temp), not of the warehouse: no analyst's
-- query depends on it.
create or replace temp macro plumbline_reported_figure(aggregation, metric_value, is_missing_exchange_rate) as
    case when bool_or(is_missing_exchange_rate) then null
         when any_value(aggregation) = 'mean' then plumbline_avg(metric_value)
         else plumbline_sum(metric_value) end;
