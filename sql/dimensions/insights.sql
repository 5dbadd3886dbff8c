-- Dimensions of the insight findings (config/governance: control_charts, compliance_mirages,
-- poor_quality_costs). Reloaded with the other dimensions every run, by
-- org.plumbline.governance.InsightDimensionLoader.

-- One row per KPI watched on a control chart. Phase I (the baseline) gives the limits; every
-- later week is phase II. trend_* is null where the KPI's trend is not tested.
create or replace table dim_control_chart (
    kpi_id              varchar primary key,
    chart_type          varchar not null,   -- individuals | xbar_r | p | c | u
    baseline_from       date not null,
    baseline_to         date not null,
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
