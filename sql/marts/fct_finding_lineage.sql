-- fct_finding_lineage: the lineage bridge from each finding to the exact raw rows behind it
-- (raw_row by load_id, sheet_name and row_number), with the part each row played: measured
-- (a system-of-record row), reported (a department's row), previous / revised (the two values
-- of a revision), delivered (a late file's rows), unconverted (money without an exchange rate),
-- evidence (the KPI rows behind an early warning, a threshold projection's trend window or a
-- compliance mirage). A missing submission,
-- an accountability gap and an incentive conflict have no rows.
-- Grain: one row per finding, raw row and part.
create or replace table fct_finding_lineage as
with

kpi_rows as (
    select * from int_kpi_observation
),

breach_rows as (
    select 'policy_breach:' || b.finding_key as finding_key, 'measured' as row_role,
           o.load_id, o.sheet_name, o.row_number
    from fct_policy_breach as b
    join kpi_rows as o
      on o.kpi_id = b.kpi_id and o.department_code = b.department_code and o.common_period_start = b.period_start
    where o.kpi_role in ('numerator', 'denominator')
),

discrepancy_rows as (
    select 'reporting_discrepancy:' || d.finding_key,
           case when o.kpi_role = 'reported' then 'reported' else 'measured' end,
           o.load_id, o.sheet_name, o.row_number
    from fct_reporting_discrepancy as d
    join kpi_rows as o
      on o.kpi_id = d.kpi_id and o.department_code = d.department_code and o.common_period_start = d.period_start
),

rogue_rows as (
    select 'rogue_metric:' || r.finding_key, 'reported', o.load_id, o.sheet_name, o.row_number
    from fct_rogue_metric as r
    join int_observation_current as o
      on o.department_code = r.department_code and o.source_id = r.source_id and o.metric_name = r.metric_name
    where o.is_current
),

revision_rows as (
    select 'retroactive_revision:' || r.finding_key,
           case when o.load_id = r.revised_load_id then 'revised' else 'previous' end,
           o.load_id, o.sheet_name, o.row_number
    from fct_retroactive_revision as r
    join int_observation_current as o
      on o.statement_key = r.statement_key and o.period_grain is not distinct from r.revised_grain
     and o.period_start = r.period_date
     and o.load_id in (r.previous_load_id, r.revised_load_id)   -- a withdrawal has previous rows only
    where r.previous_grain is not distinct from r.revised_grain
),

-- restated at another grain: every value in force on either side of the change
grain_change_rows as (
    select 'retroactive_revision:' || r.finding_key, g.side, g.load_id, g.sheet_name, g.row_number
    from fct_retroactive_revision as r
    join int_reported_grain_change as g
      on g.statement_key = r.statement_key and g.common_period_start = r.period_date
     and g.revised_load_id = r.revised_load_id and g.revised_grain = r.revised_grain
    where r.previous_grain <> r.revised_grain
),

late_rows as (
    select 'late_submission:' || s.finding_key, 'delivered', o.load_id, o.sheet_name, o.row_number
    from fct_submission_gap as s
    join stg_observation as o
      on o.load_id = s.first_load_id
    where s.finding_type = 'late_submission'
      and o.placement_date between s.period_start and s.period_end
),

exchange_rate_rows as (
    select 'missing_exchange_rate:' || x.finding_key, 'unconverted', o.load_id, o.sheet_name, o.row_number
    from fct_missing_exchange_rate as x
    join int_observation_current as o
      on o.source_id = x.source_id and o.currency_as_delivered = x.currency
     and date_trunc('month', o.period_date) = x.month_start
    where o.is_current and o.is_missing_exchange_rate
),

-- Insight findings: the KPI rows of the weeks a warning, a projection's trend window or a mirage
-- spans, the department's own reported rows behind a triad gap. Accountability gaps and
-- incentive conflicts are judged on the governance model alone and have no rows.
trend_window_rows as (
    select w.finding_key, 'evidence', o.load_id, o.sheet_name, o.row_number
    from (select 'early_warning:' || finding_key as finding_key, kpi_id, department_code, period_start, period_end
          from fct_early_warning
          union all
          select 'threshold_projection:' || finding_key, kpi_id, department_code, period_start, period_end
          from fct_threshold_projection) as w
    join kpi_rows as o
      on o.kpi_id = w.kpi_id and o.department_code = w.department_code
     and o.week_start between w.period_start and w.period_end
),

mirage_rows as (
    select 'compliance_mirage:' || m.finding_key, 'evidence', o.load_id, o.sheet_name, o.row_number
    from fct_compliance_mirage as m
    join kpi_rows as o
      on ((o.kpi_id = m.kpi_id and o.department_code = m.department_code)
          or (o.kpi_id = m.watch_kpi_id and o.department_code = m.watch_department_code))
     and o.week_start between m.period_start and m.period_end
),

triad_rows as (
    select 'triad_gap:' || t.finding_key, 'reported', o.load_id, o.sheet_name, o.row_number
    from fct_triad_gap as t
    join kpi_rows as o
      on o.department_code = t.department_code and o.kpi_role = 'reported'
     and o.week_start between t.period_start and t.period_end
),

final as (
    select distinct * from (
        select * from breach_rows
        union all select * from discrepancy_rows
        union all select * from rogue_rows
        union all select * from revision_rows
        union all select * from grain_change_rows
        union all select * from late_rows
        union all select * from exchange_rate_rows
        union all select * from trend_window_rows
        union all select * from mirage_rows
        union all select * from triad_rows
    )
)

select * from final;

comment on table fct_finding_lineage is 'The raw rows behind each finding; one row per finding, raw row and part it played.';

-- What each column means, for analysts reading the warehouse (DuckDB CLI, DBeaver) and for
-- docs/data-dictionary.md.
comment on column fct_finding_lineage.finding_key is 'The finding (fct_finding.finding_key).';
comment on column fct_finding_lineage.row_role is 'The part the row played: measured, reported, previous, revised, delivered, unconverted or evidence.';
comment on column fct_finding_lineage.load_id is 'The load of the raw row (raw_row.load_id).';
comment on column fct_finding_lineage.sheet_name is 'The raw row''s sheet (raw_row.sheet_name).';
comment on column fct_finding_lineage.row_number is 'The raw row''s number (raw_row.row_number).';
