-- rpt_finding: every finding the report lists, in one shape: every finding of fct_finding
-- (the reconciliation and the insight findings: early warnings, compliance mirages,
-- accountability and triad gaps, incentive conflicts, with their evidence sentence) with its
-- run-to-run status from fct_finding_status, and those resolved since the previous run.
-- status is the run-to-run comparison (new, persisting, resolved: what rpt_finding_change and
-- rpt_top_gap's markers compare); display_status is what the findings pages print
-- (fct_finding_status.display_status: resolved, covered by deviation, acknowledged, new or
-- persisting), so a breach inside an approved deviation reads as a concession, not as NEW.
-- materiality is the gap as a share of the target (capped at 1), 0.5 where a finding has no
-- target to measure against; rank_score = severity weight (critical 4 … low 1) x (0.5 + materiality).
-- subject: what the finding is about (its policy, KPI or calendar entry), by which the summary
-- gathers findings into gaps. subject_name: what the report prints for it: a breach's policy, a
-- KPI's name, a submission's name (submissions.yml: name, else its id), a rogue metric's name and
-- source; none for a finding about its department as a whole (a triad gap, whose subject is its
-- own key: "Logistics: triad gap", not "triad gap triad_gap:LOG").
-- Grain: one row per finding (current or resolved since the previous run).
create or replace table rpt_finding as
with

current_findings as (
    select f.finding_key, f.finding_type, f.severity, f.department_code, f.kpi_id, f.policy_id,
           f.period_start, f.period_end, f.period_label, f.target_value, f.measured_value,
           f.self_reported_value, f.gap, f.owner_role, f.evidence, f.evidence_key, f.evidence_args,
           coalesce(s.status, 'new') as status,
           f.is_covered_by_deviation,
           f.deviation_id,
           coalesce(s.display_status, s.status, 'new') as display_status
    from fct_finding as f
    left join fct_finding_status as s using (finding_key)
),

-- A resolved finding has what finding_history kept of it (fct_finding_status): its key, type,
-- severity, department, KPI and period label, no figures and no sentence. One about a policy
-- keeps its policy, read from its key as the open ones carry it (policy_breach:POL/DEPT/period,
-- accountability_without_authority:POL, incentive_conflict:SCHEME/TENSION/POL), so it is
-- gathered with the policy's other findings, not into a gap of its own.
resolved as (
    select s.finding_key, s.finding_type, s.severity, s.department_code, s.kpi_id,
           nullif(case s.finding_type
                      when 'policy_breach' then regexp_extract(s.finding_key, '^[^:]+:([^/]+)', 1)
                      when 'accountability_without_authority' then regexp_extract(s.finding_key, '^[^:]+:(.*)$', 1)
                      when 'incentive_conflict' then regexp_extract(s.finding_key, '/([^/]+)$', 1)
                  end, ''), null, null,
           s.period_label, null, null, null, null, null, null, null, null, 'resolved', false, null, 'resolved'
    from fct_finding_status as s
    where s.status = 'resolved'
),

unioned as (
    select * from current_findings
    union all select * from resolved
),

final as (
    select u.*,
           case u.finding_type
               when 'policy_breach' then 'policy_breach'
               when 'reporting_discrepancy' then 'reporting_discrepancy'
               when 'rogue_metric' then 'rogue_metric'
               when 'missing_submission' then 'submission_gap'
               when 'late_submission' then 'submission_gap'
               when 'retroactive_revision' then 'retroactive_revision'
               when 'incentive_conflict' then 'incentive_conflict'
               when 'early_warning' then 'early_warning'
               when 'threshold_projection' then 'early_warning'
               when 'missing_exchange_rate' then 'reporting_discrepancy'
               else 'accountability_gap'
           end                                                    as section,
           case u.severity when 'critical' then 4 when 'high' then 3 when 'medium' then 2 else 1 end
                                                                  as severity_weight,
           case when u.gap is null or coalesce(u.target_value, 0) = 0 then 0.5
                else least(abs(u.gap) / abs(u.target_value), 1.0) end  as materiality,
           -- a department no longer in departments.yml (renamed) by its code, as its findings were keyed
           coalesce(d.department_name, u.department_code)         as department_name,
           k.kpi_name,
           k.unit,
           coalesce(r.role_title, u.owner_role)                   as owner_title,
           -- what the finding is about, the unit rpt_top_gap and rpt_finding_change gather by:
           -- its policy or KPI, a submission gap's calendar entry (the key without type and
           -- period), a rogue metric's name and source (rogue_metric:DEPT/source/name, shown as
           -- "name (source)": one department may use the name in two sources), else the finding
           coalesce(u.policy_id, u.kpi_id,
                    case when u.finding_type in ('late_submission', 'missing_submission')
                         then nullif(regexp_extract(u.finding_key, '^[^:]+:([^/]+)', 1), '') end,
                    case when u.finding_type = 'rogue_metric'
                         then nullif(regexp_extract(u.finding_key, '^rogue_metric:[^/]*/[^/]*/(.*)$', 1)
                                     || ' (' || regexp_extract(u.finding_key, '^rogue_metric:[^/]*/([^/]*)/', 1)
                                     || ')', ' ()') end,
                    u.finding_key)                                 as subject,
           s.submission_name
    from unioned as u
    left join dim_department as d using (department_code)
    left join dim_kpi as k using (kpi_id)
    left join dim_role as r on r.role_id = u.owner_role
    left join dim_submission as s
      on u.finding_type in ('late_submission', 'missing_submission')
     and s.submission_id = regexp_extract(u.finding_key, '^[^:]+:([^/]+)', 1)
)

select * exclude (submission_name),
       severity_weight * (0.5 + materiality) as rank_score,
       case when finding_type = 'policy_breach' then subject
            when starts_with(subject, finding_type || ':') then null
            else coalesce(kpi_name, submission_name, subject) end as subject_name
from final
order by section, department_code, finding_key;

comment on column rpt_finding.status is 'Against the previous run: new, persisting or resolved.';
comment on column rpt_finding.is_covered_by_deviation is 'True when an approved deviation covers the breach: a concession, not counted as a breach or an open finding.';
comment on column rpt_finding.deviation_id is 'The approved deviation covering the finding (deviations.yml); null when none does.';
comment on column rpt_finding.display_status is 'What the findings pages print: resolved, covered by deviation, acknowledged, new or persisting (fct_finding_status.display_status).';
