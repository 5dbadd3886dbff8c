package org.plumbline.ingest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.plumbline.system.SqlScript;

/**
 * Percentages that a file seems to write as fractions ({@code sql/ingest/percent_as_fractions.sql}):
 * a column whose every value is between 0 and 1 while its KPI, in percent, aims above 1. They load
 * as written (0.962 stays 0.962 %, which may be meant), but the load says so and how to fix it,
 * as the opposite mistake (96 in a fraction column) is quarantined.
 */
final class PercentAsFractions {

  private PercentAsFractions() {}

  /** The note for the file just typed, or null. */
  static String note(Connection connection) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery(SqlScript.text("sql/ingest/percent_as_fractions.sql"))) {
      while (r.next()) {
        long count = r.getLong("value_count");
        columns.add((count == 1 ? "the one value" : "all " + count + " values") + " of " + r.getString("kpi_name")
            + " in column \"" + r.getString("column_name") + "\" " + (count == 1 ? "lies" : "lie")
            + " between 0 and 1 (largest " + r.getString("largest") + ") although its target is "
            + r.getString("kpi_target") + " percent");
      }
    }
    if (columns.isEmpty()) {
      return null;
    }
    return String.join("; ", columns) + ": if the file writes fractions (0.96 for 96 %), declare unit: fraction"
        + " for the column in sources.yml, then read the loaded file again with plumbline reload";
  }
}
