package org.plumbline.findings;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code plumbline trace <finding>}: what a finding says and the files, sheets, rows and raw text
 * behind it, read from the lineage bridge ({@code fct_finding_lineage}) and the ledger.
 */
public final class FindingTrace {

  private final Connection duckdb;

  public FindingTrace(Connection duckdb) {
    this.duckdb = duckdb;
  }

  /**
   * @param maxRows how many raw rows to print; 0 for all
   * @throws FindingKeys.UnknownFindingException when the key names no finding or several
   */
  public String trace(String givenKey, int maxRows) throws SQLException {
    String key = FindingKeys.resolve(duckdb, givenKey);
    StringBuilder text = new StringBuilder();
    summary(key, text);
    rows(key, maxRows, text);
    return text.toString();
  }

  private void summary(String key, StringBuilder text) throws SQLException {
    try (PreparedStatement s = duckdb.prepareStatement("""
        select s.finding_type, s.severity, s.display_status, s.department_code, s.kpi_id, s.period_label,
               f.target_value, f.measured_value, f.self_reported_value, f.gap, f.owner_role, f.policy_id,
               f.deviation_id, a.note, a.acknowledged_by, strftime(a.acknowledged_at, '%Y-%m-%d %H:%M'),
               s.config_version,
               s.first_seen_run_id, array_to_string(f.objectives_at_risk, ', ')
        from fct_finding_status as s
        left join fct_finding as f using (finding_key)
        left join (select finding_key, arg_max(note, acknowledged_at) as note,
                          arg_max(acknowledged_by, acknowledged_at) as acknowledged_by,
                          max(acknowledged_at) as acknowledged_at
                   from finding_acknowledgement group by finding_key) as a using (finding_key)
        where s.finding_key = ?""")) {
      s.setString(1, key);
      try (ResultSet r = s.executeQuery()) {
        text.append("Finding ").append(key).append('\n');
        if (!r.next()) {
          text.append("  Not among the latest run's findings (it was found in an earlier run).\n");
          return;
        }
        text.append("  ").append(r.getString(1).replace('_', ' ')).append(", severity ").append(r.getString(2))
            .append(", ").append(r.getString(3)).append(" (first found in run ").append(r.getLong(18)).append(")\n");
        line(text, "department", r.getString(4));
        line(text, "KPI", r.getString(5));
        line(text, "policy", r.getString(12));
        line(text, "period", r.getString(6));
        line(text, "target", number(r, 7));
        line(text, "measured (system of record)", number(r, 8));
        line(text, "self-reported", number(r, 9));
        line(text, "gap", number(r, 10));
        line(text, "owner", r.getString(11));
        line(text, "objectives at risk", emptyToNull(r.getString(19)));
        line(text, "covered by deviation", r.getString(13));
        if (r.getString(14) != null) {
          line(text, "acknowledged", "\"" + r.getString(14) + "\" by " + r.getString(15) + " at " + r.getString(16) + " UTC");
        }
        line(text, "config version", r.getString(17));
      }
    }
  }

  private void rows(String key, int maxRows, StringBuilder text) throws SQLException {
    List<String> lines = new ArrayList<>();
    int total = 0;
    String lastFile = null;
    try (PreparedStatement s = duckdb.prepareStatement("""
        select l.row_role, a.file_name, a.archive_path, strftime(a.received_at, '%Y-%m-%d %H:%M'), l.sheet_name, l.row_number,
               h.column_names, r.fields, a.load_id
        from fct_finding_lineage as l
        join load_audit as a using (load_id)
        join raw_row as r using (load_id, sheet_name, row_number)
        join raw_sheet_latest as h using (load_id, sheet_name, table_name)
        where l.finding_key = ?
        order by a.received_at, a.load_id, l.sheet_name, l.row_number, l.row_role""")) {
      s.setString(1, key);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          total++;
          if (maxRows > 0 && total > maxRows) {
            continue;
          }
          String file = r.getLong(9) + "";
          if (!file.equals(lastFile)) {
            lines.add("  " + r.getString(2) + "  (load " + r.getLong(9) + ", received " + r.getString(4) + " UTC, "
                + r.getString(3) + ")");
            lastFile = file;
          }
          lines.add("    " + r.getString(1) + "  " + position(r.getString(5), r.getInt(6)) + ": "
              + fields(r.getArray(7), r.getArray(8)));
        }
      }
    }
    if (total == 0) {
      text.append("No rows are behind this finding: it is about something that did not arrive.\n");
      return;
    }
    text.append("Behind it, ").append(total).append(total == 1 ? " row" : " rows").append(":\n");
    lines.forEach(l -> text.append(l).append('\n'));
    if (maxRows > 0 && total > maxRows) {
      text.append("  … and ").append(total - maxRows).append(" more (--max-rows 0 shows all).\n");
    }
  }

  private static String fields(Array names, Array values) throws SQLException {
    Object[] columns = (Object[]) names.getArray();
    Object[] texts = (Object[]) values.getArray();
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      String column = i < columns.length ? Objects.toString(columns[i]) : "column " + (i + 1);
      pairs.add(column + "=\"" + (texts[i] == null ? "" : texts[i]) + "\"");
    }
    return String.join(", ", pairs);
  }

  private static void line(StringBuilder text, String label, String value) {
    if (value != null) {
      text.append("  ").append(label).append(": ").append(value).append('\n');
    }
  }

  private static String number(ResultSet r, int column) throws SQLException {
    double value = r.getDouble(column);
    return r.wasNull() ? null : String.format(java.util.Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "");
  }

  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  /** Where a person finds the row: a sheet's row in a workbook, a line in a flat file. */
  static String position(String sheet, int row) {
    return sheet == null || sheet.isEmpty() ? "line " + row : "sheet '" + sheet + "' row " + row;
  }
}
