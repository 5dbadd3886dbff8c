-- fct_finding: every finding of every type with the columns they share, one table to sort,
-- filter and report on: the reconciliation findings (finding_family 'reconciliation':
-- fct_policy_breach, fct_reporting_discrepancy, fct_rogue_metric, fct_submission_gap,
-- fct_retroactive_revision, fct_missing_exchange_rate) and the insight findings ('insight':
-- fct_early_warning, fct_threshold_projection, fct_compliance_mirage, fct_accountability_gap,
-- fct_triad_gap, fct_incentive_conflict). Each type's own detail is in its fct_ table, joined by detail_key;
-- the raw rows behind a reconciliation finding are in fct_finding_lineage.
-- finding_key is stable: the finding type and the type's own key, the same problem has the
-- same key in every run, so fct_finding_status can call every finding new, persisting or resolved.
-- Severities of findings no policy rates come from dim_finding_severity (finding_severities
-- in the governance files): a discrepancy takes the severity of the policy on its KPI in force
-- for its period (policy_in_force), else its configured one; a revision that flatters the figures is a flattering_revision. Insight
-- findings carry the severity their own model gives them.
-- Grain: one row per finding.
create or replace table fct_finding as
with

-- The severity the policies on a discrepancy's KPI give it: of each policy, the version in force
-- at the start of the discrepancy's period, the rule fct_policy_breach judges a period by, so a
-- stricter version added later rates the periods it governs and not the ones before it; of
-- several policies, the most severe. A period no version governs has none.
policy_in_force as (
    select d.finding_key,
           arg_max(p.severity, case p.severity when 'critical' then 4 when 'high' then 3
                                               when 'medium' then 2 else 1 end) as severity
    from fct_reporting_discrepancy as d
    join dim_policy as p
      on p.kpi_id = d.kpi_id
     and d.period_start >= p.effective_from
     and (p.effective_to is null or d.period_start <= p.effective_to)
    group by d.finding_key
),

severity_of as (
    select finding_case, severity from dim_finding_severity
),

department_owner as (
    select department_code, min(role_id) as role_id from dim_role group by department_code
),

breaches as (
    select 'policy_breach:' || finding_key as finding_key,
           'policy_breach'                 as finding_type,
           finding_key                     as detail_key,
           severity,
           department_code,
           kpi_id,
           policy_id,
           period_start,
           period_end,
           period_label,
           threshold                       as target_value,
           measured_value,
           self_reported_value,
           gap,
           owner_role,
           deviation_id,
           is_covered_by_deviation
    from fct_policy_breach
),

discrepancies as (
    select 'reporting_discrepancy:' || d.finding_key,
           'reporting_discrepancy',
           d.finding_key,
           coalesce(p.severity, (select severity from severity_of where finding_case = 'reporting_discrepancy')),
           d.department_code,
           d.kpi_id,
           null,
           d.period_start,
           d.period_end,
           d.period_label,
           -- a target is a week's (kpis.yml): an amount's, for a month, is that times the weeks
           -- the month holds (dim_common_period), as the scorecard holds it (rpt_triad_scorecard)
           case when k.aggregation = 'sum' then k.target * c.week_count else k.target end,
           d.measured_value,
           d.reported_value,
           d.gap,
           d.owner_role,
           null,
           false
    from fct_reporting_discrepancy as d
    join dim_kpi as k using (kpi_id)
    left join dim_common_period as c on c.period_start = d.period_start
    left join policy_in_force as p on p.finding_key = d.finding_key
),

rogue as (
    select 'rogue_metric:' || r.finding_key,
           'rogue_metric',
           r.finding_key,
           (select severity from severity_of where finding_case = 'rogue_metric'),
           r.department_code,
           null,
           null,
           r.first_period_date,
           r.last_period_date,
           r.metric_name,
           null,
           null,
           r.latest_value,
           null,
           o.role_id,
           null,
           false
    from fct_rogue_metric as r
    left join department_owner as o using (department_code)
),

submissions as (
    select s.finding_type || ':' || s.finding_key,
           s.finding_type,
           s.finding_key,
           v.severity,
           s.department_code,
           null,
           null,
           s.period_start,
           s.period_end,
           s.period_label,
           null,
           null,
           null,
           s.days_late,
           o.role_id,
           null,
           false
    from fct_submission_gap as s
    join severity_of as v on v.finding_case = s.finding_type
    left join department_owner as o using (department_code)
),

-- A revision is labelled by the period of the common grain its value counts in, like every
-- other finding, and says in words what happened: what the value was, in which file, what it
-- became and in which file, and whether the change flatters the department (a rise where the
-- KPI is better higher, a fall where it is better lower); a withdrawn value has no revised value
-- (or the newer version holds the period in a row that could not be read, which is named). A
-- figure restated at another grain says which grain's figures were replaced by which, how many
-- each combines and from which files.
revision_texts as (
    select r.*,
           coalesce(k.kpi_name, r.metric_name) as subject_name,
           k.unit,
           k.owner_role                        as kpi_owner_role,
           -- the previous and the revised figure as the English sentence shows them: thousands
           -- grouped, the KPI's unit ([previous, revised])
           list_transform([r.previous_value, r.revised_value],
                          lambda v: case when v = round(v) then format('{:,}', v::bigint)
                                         else round(v, 2)::varchar end
                                    || case when k.unit = 'percent' then '%'
                                            when k.unit is null or k.unit = 'count' then ''
                                            else ' ' || k.unit end) as value_texts,
           -- which way the value moved against the KPI's better direction (none for a metric
           -- that is no KPI): the word of the report's bundle, and the same in English
           case when r.direction not in ('up', 'down') then null
                when k.direction is null and r.direction = 'up' then 'evidence.revision.rise'
                when k.direction is null then 'evidence.revision.fall'
                when r.is_flattering and r.direction = 'up' then 'evidence.revision.rise.flattering'
                when r.is_flattering then 'evidence.revision.fall.flattering'
                when r.direction = 'up' then 'evidence.revision.rise.unflattering'
                else 'evidence.revision.fall.unflattering' end as movement_word,
           case when r.direction not in ('up', 'down') then null
                when k.direction is null then case r.direction when 'up' then 'a rise' else 'a fall' end
                                              || '; the figure has no better direction'
                else case r.direction when 'up' then 'a rise' else 'a fall' end
                     || case k.direction when 'higher_is_better' then ' where higher is better'
                             else ' where lower is better' end
                     || case when r.is_flattering then ', which flatters the department'
                             else ', which does not flatter the department' end end as movement_text,
           r.previous_grain <> r.revised_grain as is_restated_at_other_grain,
           k.aggregation,
           -- each side of a revision across grains as the English sentence says it ([previous,
           -- revised]): "weekly figures", " on average over 4 weeks" (nothing for one value), the
           -- files ("a.csv, b.csv and c.csv"), and "last received" where there are several
           list_transform([{'grain': r.previous_grain, 'n': r.previous_value_count, 'files': r.previous_file_names},
                           {'grain': r.revised_grain, 'n': r.revised_value_count, 'files': r.revised_file_names}],
                          lambda side: {
                              'figures': case side.grain when 'day' then 'daily' when 'week' then 'weekly' else 'monthly' end
                                         || case when side.n = 1 then ' figure' else ' figures' end,
                              'over': case when side.n > 1
                                           then case k.aggregation when 'sum' then ' in total' else ' on average' end
                                                || ' over ' || side.n || ' '
                                                || case side.grain when 'day' then 'days' when 'week' then 'weeks'
                                                                   else 'months' end
                                           else '' end,
                              'files': case when len(side.files) < 2 then side.files[1]
                                            else array_to_string(side.files[1:len(side.files) - 1], ', ') || ' and '
                                                 || side.files[len(side.files)] end,
                              'received': case when len(side.files) > 1 then 'last received' else 'received' end})
                                               as side_texts
    from fct_retroactive_revision as r
    left join dim_kpi as k using (kpi_id)
),

revisions as (
    select 'retroactive_revision:' || r.finding_key as finding_key,
           'retroactive_revision'          as finding_type,
           r.finding_key                   as detail_key,
           v.severity,
           r.department_code,
           r.kpi_id,
           null::varchar                   as policy_id,
           r.period_start,
           r.period_end,
           r.period_label,
           null::double                    as target_value,
           null::double                    as measured_value,
           r.revised_value                 as self_reported_value,
           r.revision                      as gap,
           coalesce(r.kpi_owner_role, o.role_id) as owner_role,
           null::varchar                   as deviation_id,
           false                           as is_covered_by_deviation,
           case when r.is_restated_at_other_grain
                then r.subject_name || ': the ' || r.side_texts[1].figures || ' for ' || r.period_label || ' from '
                     || r.side_texts[1].files || ' (' || r.value_texts[1] || r.side_texts[1].over || ', '
                     || r.side_texts[1].received || ' ' || strftime(r.previous_received_at, '%Y-%m-%d') || ') '
                     || case when r.previous_value_count = 1 then 'was' else 'were' end || ' replaced by the '
                     || r.side_texts[2].figures || ' in ' || r.side_texts[2].files || ' (' || r.value_texts[2]
                     || r.side_texts[2].over || ', ' || r.side_texts[2].received || ' '
                     || strftime(r.revised_received_at, '%Y-%m-%d') || '): ' || r.movement_text || '.'
                else r.subject_name || ': the ' || r.value_texts[1]
                     || ' for ' || r.period_label || ' from ' || r.previous_file_name || ' (received '
                     || strftime(r.previous_received_at, '%Y-%m-%d') || ') '
                     || case when r.direction = 'unreadable'
                             then 'is no longer in force: the newer version received '
                                  || strftime(r.revised_received_at, '%Y-%m-%d') || ' holds that period in '
                                  || case when r.quarantined_sheet_name <> ''
                                          then 'row ' || r.quarantined_row_number || ' of sheet '
                                               || r.quarantined_sheet_name
                                          else 'line ' || r.quarantined_row_number end
                                  || ', which could not be read: ' || r.quarantine_reason
                             when r.is_withdrawal
                             then 'was withdrawn: the newer version received '
                                  || strftime(r.revised_received_at, '%Y-%m-%d') || ' no longer holds that period.'
                             else 'was changed to ' || r.value_texts[2] || ' in ' || r.revised_file_name || ' (received '
                                  || strftime(r.revised_received_at, '%Y-%m-%d') || '): ' || r.movement_text || '.'
                        end end as evidence,
           -- the same sentence for the report, in its language (reports/i18n)
           case when r.direction = 'unreadable' and r.quarantined_sheet_name <> ''
                    then 'evidence.retroactive_revision.unreadable_sheet'
                when r.direction = 'unreadable' then 'evidence.retroactive_revision.unreadable'
                when r.is_withdrawal then 'evidence.retroactive_revision.withdrawn'
                when r.is_restated_at_other_grain then 'evidence.retroactive_revision.restated'
                else 'evidence.retroactive_revision.changed' end as evidence_key,
           -- the first six are every template's; the unreadable ones go on with the row (and its
           -- sheet) and why it was quarantined, a changed value with what it became, in which file
           -- and which way it moved; what a template does not name is null. A figure restated at
           -- another grain goes on with each side's grain as the report's word (one figure or
           -- several), how many values it combines, the words of that grain's periods and of the
           -- KPI's aggregation, and how many files it came from; its files are lists.
           case when r.is_restated_at_other_grain
                then json_array(r.subject_name,
                                json_object('value', r.previous_value, 'unit', r.unit), r.period_label,
                                json_object('list', r.previous_file_names, 'join', 'and'),
                                json_object('date', r.previous_received_at::date),
                                json_object('date', r.revised_received_at::date), null, null, null,
                                json_object('value', r.revised_value, 'unit', r.unit),
                                json_object('list', r.revised_file_names, 'join', 'and'),
                                json_object('word', r.movement_word),
                                json_object('word', 'evidence.figures.' || r.previous_grain
                                                    || case when r.previous_value_count = 1 then '.one' else '.many' end),
                                r.previous_value_count,
                                json_object('word', 'evidence.periods.' || r.previous_grain),
                                json_object('word', 'evidence.aggregation.' || r.aggregation),
                                len(r.previous_file_names),
                                json_object('word', 'evidence.figures.' || r.revised_grain
                                                    || case when r.revised_value_count = 1 then '.one' else '.many' end),
                                r.revised_value_count,
                                json_object('word', 'evidence.periods.' || r.revised_grain),
                                len(r.revised_file_names))
                else json_array(r.subject_name,
                                json_object('value', r.previous_value, 'unit', r.unit), r.period_label,
                                r.previous_file_name, json_object('date', r.previous_received_at::date),
                                json_object('date', r.revised_received_at::date), r.quarantined_row_number,
                                nullif(r.quarantined_sheet_name, ''), r.quarantine_reason,
                                json_object('value', r.revised_value, 'unit', r.unit), r.revised_file_name,
                                case when r.movement_word is not null then json_object('word', r.movement_word) end)
           end::varchar
                                           as evidence_args,
           'reconciliation'                as finding_family
    from revision_texts as r
    join severity_of as v
      on v.finding_case = case when r.is_flattering then 'flattering_revision' else 'retroactive_revision' end
    left join department_owner as o using (department_code)
),

exchange_rates as (
    select 'missing_exchange_rate:' || x.finding_key as finding_key,
           'missing_exchange_rate'         as finding_type,
           x.finding_key                   as detail_key,
           v.severity,
           x.department_code,
           null::varchar                   as kpi_id,
           null::varchar                   as policy_id,
           x.month_start                   as period_start,
           (x.month_start + interval 1 month)::date - 1 as period_end,
           x.month_label                   as period_label,
           null::double                    as target_value,
           null::double                    as measured_value,
           null::double                    as self_reported_value,
           x.amount_as_delivered           as gap,
           o.role_id                       as owner_role,
           null                            as deviation_id,
           false                           as is_covered_by_deviation,
           'Source ' || x.source_id || ' delivered ' || x.value_count || ' value' || case when x.value_count > 1 then 's' else '' end
               || ' (' || round(x.amount_as_delivered, 2)::varchar || ' ' || x.currency || ') for ' || x.month_label
               || ', but exchange_rates has no ' || x.currency || ' rate into ' || x.reporting_currency
               || ' for that month; those periods have no value until it is added.' as evidence,
           'evidence.missing_exchange_rate' as evidence_key,
           json_array(x.source_id, x.value_count,
                      json_object('value', x.amount_as_delivered, 'unit', x.currency, 'decimals', 2),
                      x.month_label, x.currency, x.reporting_currency)::varchar as evidence_args,
           'reconciliation'                as finding_family
    from fct_missing_exchange_rate as x
    join severity_of as v on v.finding_case = 'missing_exchange_rate'
    left join department_owner as o using (department_code)
),

reconciliation as (
    select *, null::varchar as evidence, null::varchar as evidence_key, null::varchar as evidence_args,
           'reconciliation' as finding_family from (
        select * from breaches
        union all select * from discrepancies
        union all select * from rogue
        union all select * from submissions
    )
    union all by name
    select * from revisions
    union all by name
    select * from exchange_rates
),

-- The insight findings keep their own key, severity and evidence sentence; the key is
-- prefixed with the type like the reconciliation keys, so keys of different types never meet.
insight_columns as (
    select finding_key, finding_type, severity, department_code, kpi_id, null::varchar as policy_id,
           period_start, period_end, period_label, owner_role, evidence, evidence_key, evidence_args
    from fct_early_warning
    union all
    -- a significant trend heading for the threshold: the date it crosses is an early warning too
    select finding_key, finding_type, severity, department_code, kpi_id, null, period_start, period_end,
           period_label, owner_role, evidence, evidence_key, evidence_args
    from fct_threshold_projection
    union all
    select finding_key, finding_type, severity, department_code, kpi_id, null, period_start, period_end,
           period_label, owner_role, evidence, evidence_key, evidence_args
    from fct_compliance_mirage
    union all
    select finding_key, finding_type, severity, department_code, kpi_id, policy_id, period_start, period_end,
           period_label, owner_role, evidence, evidence_key, evidence_args
    from fct_accountability_gap
    union all
    select finding_key, finding_type, severity, department_code, kpi_id, null, period_start, period_end,
           period_label, owner_role, evidence, evidence_key, evidence_args
    from fct_triad_gap
    union all
    select finding_key, finding_type, severity, department_code, kpi_id, policy_id, period_start, period_end,
           period_label, owner_role, evidence, evidence_key, evidence_args
    from fct_incentive_conflict
),

insights as (
    select finding_type || ':' || finding_key as finding_key,
           finding_type,
           finding_key                        as detail_key,
           severity,
           department_code,
           kpi_id,
           policy_id,
           period_start,
           period_end,
           period_label,
           null::double                       as target_value,
           null::double                       as measured_value,
           null::double                       as self_reported_value,
           null::double                       as gap,
           owner_role,
           null::varchar                      as deviation_id,
           false                              as is_covered_by_deviation,
           evidence,
           evidence_key,
           evidence_args,
           'insight'                          as finding_family
    from insight_columns
),

unioned as (
    select * from reconciliation
    union all by name
    select * from insights
),

objectives as (
    select kpi_id, list(distinct objective_id order by objective_id) as objective_ids
    from dim_objective_key_result
    group by kpi_id
),

final as (
    select u.*,
           coalesce(o.objective_ids, []::varchar[]) as objectives_at_risk,
           c.config_version,
           c.run_id
    from unioned as u
    left join objectives as o using (kpi_id)
    cross join run_context as c
)

select * from final;

comment on table fct_finding is 'Every finding of every type with the columns they share; one row per finding.';

-- What each column means, for analysts reading the warehouse (DuckDB CLI, DBeaver) and for
-- docs/data-dictionary.md.
comment on column fct_finding.finding_key is 'Stable key: the finding type and the type''s own key, the same in every run (policy_breach:POL-INSP-001/PROD/2025-W31).';
comment on column fct_finding.finding_type is 'Reconciliation: policy_breach, reporting_discrepancy, rogue_metric, missing_submission, late_submission, retroactive_revision, missing_exchange_rate. Insight: early_warning, threshold_projection, compliance_mirage, accountability_without_authority, triad_gap, incentive_conflict.';
comment on column fct_finding.detail_key is 'The key in the type''s own fct_ table (its finding_key there).';
comment on column fct_finding.severity is 'low, medium, high or critical: a policy''s own; a discrepancy''s that of the policy version on its KPI in force at its period''s start (the most severe, of several policies), else dim_finding_severity like the other reconciliation types; an insight''s its own.';
comment on column fct_finding.department_code is 'The department (departments.yml).';
comment on column fct_finding.kpi_id is 'The catalogue KPI concerned; null for rogue metrics, submissions and triad gaps.';
comment on column fct_finding.policy_id is 'The policy concerned (breaches, accountability gaps, incentive conflicts).';
comment on column fct_finding.period_start is 'First day of the period the finding describes.';
comment on column fct_finding.period_end is 'Last day of the period the finding describes.';
comment on column fct_finding.period_label is 'The period as people say it (2025-W31, 2025-07, FY2025-P07, or a range of weeks).';
comment on column fct_finding.target_value is 'The policy threshold (breach) or KPI target (discrepancy), in the KPI''s unit; an amount''s weekly target times the weeks a longer period holds.';
comment on column fct_finding.measured_value is 'What the system of record measured, in the KPI''s unit.';
comment on column fct_finding.self_reported_value is 'What the department reported for the period (policy breach, discrepancy), the latest value (rogue metric) or the revised value (revision; null where the value was withdrawn).';
comment on column fct_finding.gap is 'Breach: measured minus threshold. Discrepancy: reported minus measured. Revision: new minus previous value (null where withdrawn). Late submission: days late. Missing exchange rate: the amount as delivered.';
comment on column fct_finding.owner_role is 'The role accountable (roles.yml).';
comment on column fct_finding.deviation_id is 'The approved deviation covering the finding, if any (deviations.yml).';
comment on column fct_finding.is_covered_by_deviation is 'True when an approved deviation makes the breach legitimate: shown as a concession, not a breach.';
comment on column fct_finding.evidence is 'The sentence with the figures of an insight finding, a missing exchange rate or a retroactive revision (what the value was and became, in which files, and whether the change flatters the department), in English (the report prints it in its own language from evidence_key and evidence_args); null for the other reconciliation findings.';
comment on column fct_finding.evidence_key is 'The evidence sentence''s message key in the report''s words (reports/i18n); null where evidence is null.';
comment on column fct_finding.evidence_args is 'The evidence sentence''s figures and names for evidence_key, a JSON array in the order of its placeholders; null where evidence is null.';
comment on column fct_finding.finding_family is 'reconciliation (held against the governance model) or insight (early warnings and strategy gaps).';
comment on column fct_finding.objectives_at_risk is 'Strategic objectives whose key results include this KPI (strategy.yml).';
comment on column fct_finding.config_version is 'The governance config version (SHA-256 of the files) the run used; its files: v_config_version.';
comment on column fct_finding.run_id is 'The reconcile run that found it.';
