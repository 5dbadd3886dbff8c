-- The full findings list beside the PDF, for whoever follows them up in a spreadsheet.
-- Parameter: the CSV file to write (bound, read literally). One row per finding; the key is
-- what `plumbline trace` takes. status is the run-to-run comparison (new, persisting,
-- resolved); display_status what the PDF prints (covered by deviation, acknowledged, …).
-- evidence is the sentence in the report's language (report_csv_evidence, made by
-- ReportCsvExport from the bundles), else rpt_finding's English one.
copy (
    select f.finding_key, f.section, f.finding_type, f.severity, f.status, f.display_status, f.deviation_id,
           f.department_code, f.department_name, f.kpi_id, f.kpi_name, f.unit, f.policy_id, f.period_label,
           f.period_start, f.period_end, f.target_value, f.measured_value, f.self_reported_value, f.gap,
           f.owner_title, coalesce(e.evidence, f.evidence) as evidence
    from rpt_finding as f
    left join report_csv_evidence as e using (finding_key)
    order by f.severity_weight desc, f.department_code, f.period_start nulls last, f.finding_key
) to ? (format csv, header true)
