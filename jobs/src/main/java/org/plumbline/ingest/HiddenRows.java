package org.plumbline.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.plumbline.system.SqlScript;

/**
 * A workbook's hidden rows that were loaded as data ({@code sql/ingest/hidden_rows_loaded.sql}):
 * Excel keeps a hidden row's figures, and so does the ledger, but a row hidden by hand is often a
 * figure no longer meant (a superseded version kept below the new one), so the load says which.
 */
final class HiddenRows {

  private static final int NAMED = 5;

  private HiddenRows() {}

  /** The note for a load with hidden rows loaded as data; null when it has none. */
  static String note(Connection connection, long loadId) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(SqlScript.text("sql/ingest/hidden_rows_loaded.sql"))) {
      s.setLong(1, loadId);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next() || r.getLong(1) == 0) {
          return null;
        }
        long count = r.getLong(1);
        String rows = r.getString(2) + (count > NAMED ? " …" : "");
        return count + (count == 1 ? " row the workbook hides (" : " rows the workbook hides (") + rows + ")"
            + (count == 1 ? " was" : " were") + " loaded like the visible ones, as Excel keeps their figures: if a"
            + " hidden row is no longer meant, delete it and send the file again";
      }
    }
  }
}
