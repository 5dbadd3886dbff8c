-- Dimensions of the strategic sections of the governance model: objectives and their key
-- results, incentives, tensions, submission calendars, initiatives, approved deviations, the
-- plant calendar and exchange rates. Reloaded with dimensions.sql at the start of every run by
-- org.plumbline.governance.StrategyDimensions.

-- One row per strategic objective (objectives.yml).
create or replace table dim_objective (
    objective_id varchar primary key,
    statement    varchar not null,
    owner_role   varchar
);

-- The catalogue KPIs that measure an objective: a gap on one of them puts the objective at risk.
create or replace table dim_objective_key_result (
    objective_id varchar not null,
    kpi_id       varchar not null,
    target       double
);

-- One row per incentive scheme: what a role is paid on, per pay period, while in force.
create or replace table dim_incentive_scheme (
    scheme_id      varchar primary key,
    role_id        varchar not null,
    pay_period     varchar not null,         -- week | month | quarter | year
    effective_from date not null,
    effective_to   date
);

-- The share of the bonus each KPI decides; the weights of a scheme add up to 1.
create or replace table dim_incentive_weight (
    scheme_id varchar not null,
    kpi_id    varchar not null,
    weight    double not null
);

-- KPI pairs that pull against each other.
create or replace table dim_tension (
    tension_id  varchar primary key,
    kpi_a       varchar not null,
    kpi_b       varchar not null,
    explanation varchar not null
);

-- Which department delivers which source for every period of a frequency, due so many days
-- after the period ends at a time of day in the plant's time zone.
create or replace table dim_submission (
    submission_id          varchar primary key,
    source_id              varchar not null,
    department_code        varchar not null,
    frequency              varchar not null, -- week | month | quarter
    due_days_after_period  integer not null,
    due_time               time not null,
    effective_from         date not null,
    effective_to           date
);

-- Quality initiatives and the KPIs they are meant to move.
create or replace table dim_initiative (
    initiative_id   varchar primary key,
    initiative_name varchar not null,
    kind            varchar not null,        -- redesign | process_improvement | training | other
    start_date      date not null,
    expected_effect varchar not null,
    owner_role      varchar
);

create or replace table dim_initiative_kpi (
    initiative_id varchar not null,
    kpi_id        varchar not null
);

-- Approved deviations (concessions): a breach of the policy in their period is legitimate. A
-- deviation scoped to a part, part class or lot covers a breach only when the rows outside its
-- scope meet the policy.
create or replace table dim_deviation (
    deviation_id    varchar primary key,
    policy_id       varchar not null,
    department_code varchar,                 -- null: every department
    reason          varchar not null,
    approved_by     varchar not null,        -- role id
    approved_on     date not null,
    valid_from      date not null,
    expires_on      date not null,
    part_id         varchar,                 -- scope: null where the deviation is not limited to a part
    part_class      varchar,
    lot_id          varchar
);

-- Exactly one row: the plant's time zone, the grain sources are compared at, the fiscal calendar
-- and the currency money is reported in.
create or replace table dim_calendar (
    calendar_id             varchar not null,
    timezone                varchar not null,
    common_grain            varchar not null, -- week | month | fiscal_period
    fiscal_year_start_month integer not null,
    fiscal_pattern          varchar not null, -- 4-4-5 | 4-5-4 | 5-4-4
    reporting_currency      varchar           -- ISO code; null: no source declares a currency
);

-- Units of base_currency one unit of currency was worth in the month starting month_start.
create or replace table dim_exchange_rate (
    currency      varchar not null,
    base_currency varchar not null,
    month_start   date not null,
    rate          double not null
);
