-- Dimensions of the insight findings (config/governance: control_charts, compliance_mirages,
-- poor_quality_costs). Reloaded with the other dimensions every run, by
-- org.plumbline.governance.InsightDimensionLoader.

-- One row per KPI watched on a control chart. Phase I (the baseline) gives the limits; every
-- later week is phase II. A department's series with fewer than min_baseline_points weekly
-- points in the baseline is not charted (fct_spc_chart says why). trend_* is null where the
-- KPI's trend is not tested.
create or replace table dim_control_chart (
    kpi_id              varchar primary key,
    chart_type          varchar not null,   -- individuals | xbar_r | p | c | u
    baseline_from       date not null,
    baseline_to         date not null,
    min_baseline_points integer not null,
    trend_window_weeks  integer,
    trend_significance  double
);

-- The run rules applied to a chart: WE1-WE4 (Western Electric), N1-N8 (Nelson).
create or replace table dim_control_chart_rule (
    kpi_id  varchar not null,
    rule_id varchar not null
);

-- Every trend test asked for, by a control chart or a compliance mirage. z_critical is the
-- standard normal quantile at 1 - significance/2 (computed by Java, which has the inverse
-- normal), used for the Theil-Sen slope's confidence interval.
create or replace table dim_trend_test (
    kpi_id       varchar not null,
    window_weeks integer not null,
    significance double not null,
    z_critical   double not null,
    primary key (kpi_id, window_weeks, significance)
);

create or replace table dim_compliance_mirage (
    mirage_id          varchar primary key,
    score_kpi_id       varchar not null,
    score_floor        double not null,
    window_weeks       integer not null,
    significance       double not null,
    severity           varchar not null
);

create or replace table dim_compliance_mirage_watch (
    mirage_id     varchar not null,
    watch_kpi_id  varchar not null
);

-- Where money lost to poor quality is recorded: a measure of a system-of-record source.
create or replace table dim_poor_quality_cost (
    category  varchar primary key,
    source_id varchar not null,
    measure   varchar not null
);

-- How much a bonus must reward a policy's KPI that pulls against a KPI it pays on: at least
-- min_weight_ratio times the paid KPI's weight. A check without roles applies to every role.
create or replace table dim_incentive_check (
    check_id         varchar primary key,
    min_weight_ratio double not null
);

create or replace table dim_incentive_check_role (
    check_id varchar not null,
    role_id  varchar not null
);

-- What each column means, for analysts reading the warehouse (DuckDB CLI, DBeaver) and for
-- docs/data-dictionary.md.
comment on table dim_compliance_mirage is 'Compliance mirage checks (insights.yml: compliance_mirages): a score that holds while field KPIs rise.';
comment on column dim_compliance_mirage.mirage_id is 'The compliance mirage check (insights.yml: compliance_mirages).';
comment on column dim_compliance_mirage.score_kpi_id is 'The audit or compliance score KPI.';
comment on column dim_compliance_mirage.score_floor is 'The score that must hold in every week of the window.';
comment on column dim_compliance_mirage.window_weeks is 'Weeks in the window over which the score must hold and the trend is tested.';
comment on column dim_compliance_mirage.significance is 'The trend test''s significance level (e.g. 0.05).';
comment on column dim_compliance_mirage.severity is 'The severity of a mirage found.';
comment on table dim_compliance_mirage_watch is 'The field KPIs a compliance mirage check watches; one row per check and KPI.';
comment on column dim_compliance_mirage_watch.mirage_id is 'The compliance mirage check (insights.yml: compliance_mirages).';
comment on column dim_compliance_mirage_watch.watch_kpi_id is 'The field KPI watched for a rise (complaints, scrap, rework).';
comment on table dim_control_chart is 'KPIs watched on a control chart (insights.yml: control_charts); one row per KPI.';
comment on column dim_control_chart.kpi_id is 'The catalogue KPI (kpis.yml).';
comment on column dim_control_chart.chart_type is 'The control chart: individuals, xbar_r, p, c or u.';
comment on column dim_control_chart.baseline_from is 'First day of the baseline (phase I) the limits come from.';
comment on column dim_control_chart.baseline_to is 'Last day of the baseline (phase I).';
comment on column dim_control_chart.min_baseline_points is 'Weekly points a department''s series needs in the baseline to be charted (insights.yml: min_baseline_points, default 20); fewer: not charted, and fct_spc_chart says why.';
comment on column dim_control_chart.trend_window_weeks is 'Weeks in the trend test''s window; null where the trend is not tested.';
comment on column dim_control_chart.trend_significance is 'The trend test''s significance level; null where the trend is not tested.';
comment on table dim_control_chart_rule is 'The run rules applied to a control chart; one row per KPI and rule.';
comment on column dim_control_chart_rule.kpi_id is 'The catalogue KPI (kpis.yml).';
comment on column dim_control_chart_rule.rule_id is 'The run rule: WE1-WE4 (Western Electric) or N1-N8 (Nelson).';
comment on table dim_incentive_check is 'How much a bonus must reward a policy''s KPI that a paid KPI pulls against (insights.yml: incentive_checks).';
comment on column dim_incentive_check.check_id is 'The incentive check (insights.yml: incentive_checks).';
comment on column dim_incentive_check.min_weight_ratio is 'How much, at least, a scheme must weigh a policy''s KPI relative to the KPI it pulls against.';
comment on table dim_incentive_check_role is 'The roles an incentive check applies to; none listed means every role.';
comment on column dim_incentive_check_role.check_id is 'The incentive check (insights.yml: incentive_checks).';
comment on column dim_incentive_check_role.role_id is 'The role (roles.yml).';
comment on table dim_poor_quality_cost is 'Where the cost of poor quality is recorded (insights.yml: poor_quality_costs).';
comment on column dim_poor_quality_cost.category is 'scrap, rework, complaints, recalls…';
comment on column dim_poor_quality_cost.source_id is 'The source (sources.yml).';
comment on column dim_poor_quality_cost.measure is 'The source''s money measure holding it.';
comment on table dim_trend_test is 'Every trend test asked for, by a control chart or a compliance mirage.';
comment on column dim_trend_test.kpi_id is 'The catalogue KPI (kpis.yml).';
comment on column dim_trend_test.window_weeks is 'Weeks in the trend test''s window.';
comment on column dim_trend_test.significance is 'The trend test''s significance level (e.g. 0.05).';
comment on column dim_trend_test.z_critical is 'The standard normal quantile at 1 - significance / 2, for the slope''s confidence interval.';
