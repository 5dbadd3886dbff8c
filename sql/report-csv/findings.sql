-- The full findings list beside the PDF, for whoever follows them up in a spreadsheet.
-- Parameter: the CSV file to write (bound, read literally). One row per finding; the key is
-- what `plumbline trace` takes. status is the run-to-run comparison (new, persisting,
-- resolved); display_status what the PDF prints (covered by deviation, acknowledged, …).
copy (
    select finding_key, section, finding_type, severity, status, display_status, deviation_id,
           department_code, department_name, kpi_id, kpi_name, unit, policy_id, period_label, period_start, period_end, target_value,
           measured_value, self_reported_value, gap, owner_title, evidence
    from rpt_finding
    order by severity_weight desc, department_code, period_start nulls last, finding_key
) to ? (format csv, header true)
