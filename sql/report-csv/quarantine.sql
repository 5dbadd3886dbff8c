-- The full quarantine list beside the PDF, which prints only the first rows of each reason.
-- Parameter: the CSV file to write (bound, read literally). One row per quarantined row.
copy (
    select reason, file_name, source_id, sheet_name, row_number, row_text
    from rpt_quarantine
    order by reason, reason_row_number
) to ? (format csv, header true)
