package org.plumbline.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.plumbline.system.SqlScript;

/**
 * A workbook's hidden rows and columns that were loaded as data ({@code sql/ingest/hidden_rows_loaded.sql},
 * {@code hidden_columns_loaded.sql}): Excel keeps a hidden row's or column's figures, and so does the
 * ledger, but one hidden by hand is often a figure no longer meant (a superseded version kept below
 * or beside the new one), so the load says which.
 */
final class HiddenRowsAndColumns {

  private static final int NAMED = 5;

  private HiddenRowsAndColumns() {}

  /** The note for a load with hidden rows loaded as data; null when it has none. */
  static String rowsNote(Connection connection, long loadId) throws SQLException {
    return note(connection, loadId, "incoming_hidden_row", "sql/ingest/hidden_rows_loaded.sql", "row");
  }

  /** The note for a load with values from hidden columns; null when it has none. */
  static String columnsNote(Connection connection, long loadId) throws SQLException {
    return note(connection, loadId, "incoming_hidden_column", "sql/ingest/hidden_columns_loaded.sql", "column");
  }

  private static String note(Connection connection, long loadId, String hidden, String script, String what)
      throws SQLException {
    // Most files hide nothing (a CSV file never does): a glance at the reader's table spares them
    // planning the script's joins, ≈ 5-10 ms a file each.
    try (PreparedStatement s = connection.prepareStatement("select 1 from " + hidden + " limit 1");
        ResultSet r = s.executeQuery()) {
      if (!r.next()) {
        return null;
      }
    }
    try (PreparedStatement s = connection.prepareStatement(SqlScript.text(script))) {
      s.setLong(1, loadId);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next() || r.getLong(1) == 0) {
          return null;
        }
        long count = r.getLong(1);
        String named = r.getString(2) + (count > NAMED ? " …" : "");
        return count + " " + what + (count == 1 ? "" : "s") + " the workbook hides (" + named + ")"
            + (count == 1 ? " was" : " were") + " loaded like the visible ones, as Excel keeps their figures: if a"
            + " hidden " + what + " is no longer meant, delete it and send the file again";
      }
    }
  }
}
