-- fct_triad_gap: a department reports on one or two of quality, cost and speed but not all
-- three, so a gain in one can hide a loss in another. Judged on what the department itself
-- reports (self-reported sources mapped to catalogue KPIs) up to the as-of date.
-- Grain: one row per department whose reports leave out a triad dimension.
create or replace table fct_triad_gap as
with

reported as (
    select r.department_code, r.kpi_id, k.kpi_name, r.week_start, r.load_ids, k.triad_dimension
    from int_reported_kpi_weekly as r
    join dim_kpi as k using (kpi_id)
),

by_department as (
    select department_code,
           list(distinct triad_dimension order by triad_dimension) as reported_dimensions,
           list(distinct kpi_id order by kpi_id)                   as reported_kpis,
           -- the sentence names the KPIs as kpis.yml names them, as a reader knows them
           list(distinct kpi_name order by kpi_name)               as reported_kpi_names,
           min(week_start)                                         as period_start,
           max(week_start) + 6                                     as period_end,
           list_sort(list_distinct(flatten(list(load_ids))))       as load_ids
    from reported
    group by department_code
),

department_owner as (
    select department_code, min(role_id) as role_id from dim_role group by department_code
),

final as (
    select b.department_code                                   as finding_key,
           'triad_gap'                                         as finding_type,
           'medium'                                            as severity,
           b.department_code,
           null::varchar                                       as kpi_id,
           b.period_start,
           b.period_end,
           strftime(b.period_start, '%G-W%V') || ' .. ' || strftime(b.period_end, '%G-W%V') as period_label,
           o.role_id                                           as owner_role,
           b.reported_dimensions,
           list_filter(['quality', 'cost', 'speed'], lambda d: not list_contains(b.reported_dimensions, d))
                                                               as missing_dimensions,
           b.reported_kpis,
           d.department_name || ' reports ' || array_to_string(b.reported_dimensions, ' and ') || ' ('
               || array_to_string(b.reported_kpi_names, ', ') || ') but not '
               || array_to_string(list_filter(['quality', 'cost', 'speed'],
                                              lambda x: not list_contains(b.reported_dimensions, x)), ' or ') || '.'
                                                               as evidence,
           -- the same sentence for the report, in its language (reports/i18n), the dimensions as
           -- the report's words
           'evidence.triad_gap'                                as evidence_key,
           json_array(d.department_name,
                      json_object('list', list_transform(b.reported_dimensions,
                                                         lambda x: json_object('word', 'evidence.dimension.' || x)),
                                  'join', 'and'),
                      array_to_string(b.reported_kpi_names, ', '),
                      json_object('list', list_transform(list_filter(['quality', 'cost', 'speed'],
                                                                     lambda x: not list_contains(b.reported_dimensions, x)),
                                                         lambda x: json_object('word', 'evidence.dimension.' || x)),
                                  'join', 'or'))::varchar
                                                               as evidence_args,
           b.load_ids,
           (select config_version from run_context)            as config_version
    from by_department as b
    join dim_department as d using (department_code)
    left join department_owner as o using (department_code)
    where len(b.reported_dimensions) < 3
)

select * from final;

-- What each column means, for analysts reading the warehouse (DuckDB CLI, DBeaver) and for
-- docs/data-dictionary.md.
comment on table fct_triad_gap is 'A department reports on one or two of quality, cost and speed but not all three; one row per department.';
comment on column fct_triad_gap.finding_key is 'Stable key of the finding within its type: the same problem has the same key in every run (fct_finding prefixes it with the type).';
comment on column fct_triad_gap.finding_type is 'triad_gap.';
comment on column fct_triad_gap.severity is 'low, medium, high or critical.';
comment on column fct_triad_gap.department_code is 'The department (departments.yml).';
comment on column fct_triad_gap.kpi_id is 'Null: the finding is about the department''s reports as a whole.';
comment on column fct_triad_gap.period_start is 'First day of the period the finding describes.';
comment on column fct_triad_gap.period_end is 'Last day of the period the finding describes.';
comment on column fct_triad_gap.period_label is 'The period as people say it (2025-W31, 2025-07, FY2025-P07, or a range of weeks).';
comment on column fct_triad_gap.owner_role is 'The role accountable (roles.yml).';
comment on column fct_triad_gap.reported_dimensions is 'The triad dimensions it reports.';
comment on column fct_triad_gap.missing_dimensions is 'The dimensions it leaves out.';
comment on column fct_triad_gap.reported_kpis is 'The KPIs it reports.';
comment on column fct_triad_gap.evidence is 'One sentence with the figures behind the finding, in English (the report prints it in its own language from evidence_key and evidence_args).';
comment on column fct_triad_gap.evidence_key is 'The sentence''s message key in the report''s words (reports/i18n), which prints it in the report''s language.';
comment on column fct_triad_gap.evidence_args is 'The sentence''s figures and names for evidence_key, a JSON array in the order of its placeholders.';
comment on column fct_triad_gap.load_ids is 'The loads (load_audit.load_id) whose rows the finding was computed from.';
comment on column fct_triad_gap.config_version is 'The governance config version (SHA-256 of the files) the run used; its files: v_config_version.';
