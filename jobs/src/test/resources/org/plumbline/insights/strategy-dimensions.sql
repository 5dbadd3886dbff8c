-- The strategy dimensions as branch `findings` defines them (sql/dimensions/strategy.sql at
-- fc87915), only the tables the insight models read. A stand-in until both branches are merged;
-- then the tests load the real file instead.
create or replace table dim_objective (
    objective_id varchar primary key,
    statement    varchar not null,
    owner_role   varchar
);
create or replace table dim_objective_key_result (
    objective_id varchar not null,
    kpi_id       varchar not null,
    target       double
);
create or replace table dim_incentive_scheme (
    scheme_id      varchar primary key,
    role_id        varchar not null,
    pay_period     varchar not null,
    effective_from date not null,
    effective_to   date
);
create or replace table dim_incentive_weight (
    scheme_id varchar not null,
    kpi_id    varchar not null,
    weight    double not null
);
create or replace table dim_tension (
    tension_id  varchar primary key,
    kpi_a       varchar not null,
    kpi_b       varchar not null,
    explanation varchar not null
);
create or replace table dim_initiative (
    initiative_id   varchar primary key,
    initiative_name varchar not null,
    kind            varchar not null,
    start_date      date not null,
    expected_effect varchar not null,
    owner_role      varchar
);
create or replace table dim_initiative_kpi (
    initiative_id varchar not null,
    kpi_id        varchar not null
);
