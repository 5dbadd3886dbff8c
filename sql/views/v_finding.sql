-- v_finding: the analysts' view of the findings: one row per finding of the latest run, and
-- per finding of the run before that this run no longer finds (status resolved). Stable: its
-- columns keep their names and meaning across releases.
create or replace view v_finding as
select s.finding_key,
       s.finding_type,
       s.severity,
       s.display_status,
       s.status,
       s.is_restated,
       s.department_code,
       d.department_name,
       s.kpi_id,
       k.kpi_name,
       k.triad_dimension,
       f.policy_id,
       f.period_start,
       f.period_end,
       s.period_label,
       f.target_value,
       f.measured_value,
       f.self_reported_value,
       f.gap,
       f.owner_role,
       r.role_title as owner_title,
       f.objectives_at_risk,
       f.evidence,
       f.evidence_key,
       f.evidence_args,
       s.deviation_id,
       s.is_covered_by_deviation,
       s.acknowledgement_note,
       s.acknowledged_by,
       s.acknowledged_at,
       s.first_seen_run_id,
       s.run_id,
       s.config_version
from fct_finding_status as s
left join fct_finding as f using (finding_key)
left join dim_department as d on d.department_code = s.department_code
left join dim_kpi as k on k.kpi_id = s.kpi_id
left join dim_role as r on r.role_id = f.owner_role;

comment on view v_finding is 'One row per finding of the latest run (and per finding of the previous run that is now resolved), reconciliation and insight findings alike. Details per type: fct_policy_breach, fct_reporting_discrepancy, fct_rogue_metric, fct_submission_gap, fct_retroactive_revision, fct_missing_exchange_rate, fct_early_warning, fct_threshold_projection, fct_compliance_mirage, fct_accountability_gap, fct_triad_gap, fct_incentive_conflict. Raw rows behind each reconciliation finding: v_finding_row.';
comment on column v_finding.finding_key is 'Stable key: the same problem has the same key in every run, e.g. policy_breach:POL-INSP-001/PROD/2025-W31.';
comment on column v_finding.finding_type is 'Reconciliation: policy_breach, reporting_discrepancy, rogue_metric, missing_submission, late_submission, retroactive_revision, missing_exchange_rate. Insight: early_warning, threshold_projection, compliance_mirage, accountability_without_authority, triad_gap, incentive_conflict.';
comment on column v_finding.severity is 'low, medium, high or critical: a policy''s own severity (a discrepancy: that of the policy version on its KPI in force for its period); for other types finding_severities in the governance files (dim_finding_severity), or the insight''s own.';
comment on column v_finding.display_status is 'What to show first: resolved, covered by deviation, acknowledged, new or persisting.';
comment on column v_finding.status is 'Against the previous run: new, persisting or resolved.';
comment on column v_finding.is_restated is 'A persisting finding whose gap changed since the previous run (restated data or a changed config).';
comment on column v_finding.department_code is 'The department the finding is about (departments.yml).';
comment on column v_finding.department_name is 'The department''s name.';
comment on column v_finding.kpi_id is 'The catalogue KPI concerned (kpis.yml); null for rogue metrics and submissions.';
comment on column v_finding.kpi_name is 'The KPI''s name.';
comment on column v_finding.triad_dimension is 'quality, cost or speed.';
comment on column v_finding.policy_id is 'The policy breached (policy breaches only).';
comment on column v_finding.period_start is 'First day of the period the finding describes.';
comment on column v_finding.period_end is 'Last day of the period the finding describes.';
comment on column v_finding.period_label is 'The period as people say it: 2025-W31, 2025-09, 2025-Q3; for a rogue metric its name.';
comment on column v_finding.target_value is 'The policy threshold (breach) or KPI target (discrepancy), in the KPI''s unit.';
comment on column v_finding.measured_value is 'What the system of record measured, in the KPI''s unit.';
comment on column v_finding.self_reported_value is 'What the department reported for the period (policy breach, discrepancy), the latest value (rogue metric) or the revised value (revision; null where the value was withdrawn).';
comment on column v_finding.gap is 'Breach: measured minus threshold. Discrepancy: reported minus measured. Revision: new minus previous value (null where withdrawn). Late submission: days late.';
comment on column v_finding.owner_role is 'The role accountable (roles.yml).';
comment on column v_finding.owner_title is 'The accountable role''s title.';
comment on column v_finding.objectives_at_risk is 'Strategic objectives whose key results include this KPI (strategy.yml).';
comment on column v_finding.evidence is 'The sentence with the figures of an insight finding, a missing exchange rate or a retroactive revision (what the value was and became, in which files, and whether the change flatters the department), in English (the report prints it in its own language from evidence_key and evidence_args); null for the other reconciliation findings.';
comment on column v_finding.evidence_key is 'The sentence''s message key in the report''s words (reports/i18n), which prints it in the report''s language.';
comment on column v_finding.evidence_args is 'The sentence''s figures and names for evidence_key, a JSON array in the order of its placeholders.';
comment on column v_finding.deviation_id is 'The approved deviation covering the finding, if any (deviations.yml).';
comment on column v_finding.is_covered_by_deviation is 'True when an approved deviation makes the breach legitimate: shown as a concession, not a breach.';
comment on column v_finding.acknowledgement_note is 'The latest note given with plumbline ack, as of this run.';
comment on column v_finding.acknowledged_by is 'Who gave the latest acknowledgement.';
comment on column v_finding.acknowledged_at is 'When the latest acknowledgement was given (UTC).';
comment on column v_finding.first_seen_run_id is 'The reconcile run that first found it (reconcile_run).';
comment on column v_finding.run_id is 'The reconcile run these rows come from.';
comment on column v_finding.config_version is 'The governance config version (SHA-256 of the files) the run used; its files: v_config_version.';
