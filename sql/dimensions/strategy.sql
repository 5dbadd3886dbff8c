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
    effective_to           date,
    submission_name        varchar           -- what the report calls it; null: the id
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

-- What each column means, for analysts reading the warehouse (DuckDB CLI, DBeaver) and for
-- docs/data-dictionary.md.
comment on table dim_calendar is 'The plant calendar (calendar.yml: calendars); exactly one row.';
comment on column dim_calendar.calendar_id is 'The calendar''s id.';
comment on column dim_calendar.timezone is 'The plant''s time zone; lateness of deliveries is judged in it.';
comment on column dim_calendar.common_grain is 'The grain figures are compared and policies judged at: week, month or fiscal_period.';
comment on column dim_calendar.fiscal_year_start_month is 'The month (1-12) the fiscal year starts in.';
comment on column dim_calendar.fiscal_pattern is 'Weeks per fiscal month within a quarter: 4-4-5, 4-5-4 or 5-4-4.';
comment on column dim_calendar.reporting_currency is 'The currency money KPIs are stated in; null where no source declares a currency.';
comment on table dim_deviation is 'Approved deviations (deviations.yml): concessions that make a policy''s breach legitimate for a period, optionally for one part, part class or lot.';
comment on column dim_deviation.deviation_id is 'The deviation''s id.';
comment on column dim_deviation.policy_id is 'The policy (policies.yml).';
comment on column dim_deviation.department_code is 'The department it applies to; null for every department.';
comment on column dim_deviation.reason is 'Why it was granted.';
comment on column dim_deviation.approved_by is 'The role that approved it.';
comment on column dim_deviation.approved_on is 'When it was approved.';
comment on column dim_deviation.valid_from is 'First day it covers.';
comment on column dim_deviation.expires_on is 'Last day it covers.';
comment on column dim_deviation.part_id is 'The part it is limited to; null where not limited to a part.';
comment on column dim_deviation.part_class is 'The part class it is limited to; null where not.';
comment on column dim_deviation.lot_id is 'The lot it is limited to; null where not.';
comment on table dim_exchange_rate is 'Monthly exchange rates (calendar.yml: exchange_rates); one row per currency, base and month.';
comment on column dim_exchange_rate.currency is 'The currency converted from.';
comment on column dim_exchange_rate.base_currency is 'The currency converted into (the reporting currency).';
comment on column dim_exchange_rate.month_start is 'First day of the month the rate holds for.';
comment on column dim_exchange_rate.rate is 'Units of base_currency one unit of currency was worth that month.';
comment on table dim_incentive_scheme is 'Incentive schemes (strategy.yml: incentives): what a role is paid on, per pay period, while in force.';
comment on column dim_incentive_scheme.scheme_id is 'The incentive scheme (strategy.yml: incentives).';
comment on column dim_incentive_scheme.role_id is 'The role paid.';
comment on column dim_incentive_scheme.pay_period is 'week, month, quarter or year.';
comment on column dim_incentive_scheme.effective_from is 'First day in force.';
comment on column dim_incentive_scheme.effective_to is 'Last day in force; null while still in force.';
comment on table dim_incentive_weight is 'The share of a scheme''s bonus each KPI decides; a scheme''s weights add up to 1.';
comment on column dim_incentive_weight.scheme_id is 'The incentive scheme (strategy.yml: incentives).';
comment on column dim_incentive_weight.kpi_id is 'The catalogue KPI (kpis.yml).';
comment on column dim_incentive_weight.weight is 'The share, 0-1.';
comment on table dim_initiative is 'Quality initiatives (strategy.yml: initiatives).';
comment on column dim_initiative.initiative_id is 'The quality initiative (strategy.yml: initiatives).';
comment on column dim_initiative.initiative_name is 'The initiative''s name.';
comment on column dim_initiative.kind is 'redesign, process_improvement, training or other.';
comment on column dim_initiative.start_date is 'When it started.';
comment on column dim_initiative.expected_effect is 'The effect it is expected to have, in words.';
comment on column dim_initiative.owner_role is 'The role accountable (roles.yml).';
comment on table dim_initiative_kpi is 'The KPIs an initiative is meant to move; one row per initiative and KPI.';
comment on column dim_initiative_kpi.initiative_id is 'The quality initiative (strategy.yml: initiatives).';
comment on column dim_initiative_kpi.kpi_id is 'The catalogue KPI (kpis.yml).';
comment on table dim_objective is 'Strategic objectives (strategy.yml: objectives).';
comment on column dim_objective.objective_id is 'The strategic objective (strategy.yml: objectives).';
comment on column dim_objective.statement is 'The objective, in words.';
comment on column dim_objective.owner_role is 'The role accountable (roles.yml).';
comment on table dim_objective_key_result is 'The KPIs that measure an objective (its key results): a gap on one puts the objective at risk.';
comment on column dim_objective_key_result.objective_id is 'The strategic objective (strategy.yml: objectives).';
comment on column dim_objective_key_result.kpi_id is 'The catalogue KPI (kpis.yml).';
comment on column dim_objective_key_result.target is 'The key result''s target, if named.';
comment on table dim_submission is 'Submission calendars (submissions.yml): which department delivers which source for every period, and by when.';
comment on column dim_submission.submission_id is 'The submission (submissions.yml).';
comment on column dim_submission.submission_name is 'What the report calls it (submissions.yml: name); null where none is given, and the report shows the id.';
comment on column dim_submission.source_id is 'The source (sources.yml).';
comment on column dim_submission.department_code is 'The department (departments.yml).';
comment on column dim_submission.frequency is 'week, month or quarter.';
comment on column dim_submission.due_days_after_period is 'Days after the period ends the delivery is due.';
comment on column dim_submission.due_time is 'The time of day (plant time) it is due.';
comment on column dim_submission.effective_from is 'First day in force.';
comment on column dim_submission.effective_to is 'Last day in force; null while still in force.';
comment on table dim_tension is 'KPI pairs that pull against each other (strategy.yml: tensions).';
comment on column dim_tension.tension_id is 'The tension between two KPIs (strategy.yml: tensions).';
comment on column dim_tension.kpi_a is 'One KPI of the pair.';
comment on column dim_tension.kpi_b is 'The other KPI.';
comment on column dim_tension.explanation is 'Why they pull against each other.';
