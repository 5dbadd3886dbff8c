package org.plumbline.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.plumbline.system.SqlScript;

/**
 * Rows read = rows loaded + layout rows + rows quarantined, per file. A violation means a
 * defect in the loader, not in the file, so it fails the job loudly (the file's transaction
 * rolls back and the file stays in the inbox) instead of rejecting the file.
 */
final class Conservation {

  private Conservation() {}

  static void check(Connection connection, long loadId, String fileName) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(SqlScript.text("sql/ingest/check_conservation.sql"))) {
      s.setLong(1, loadId);
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          throw new ConservationViolatedException("Rows were lost loading " + fileName + ": " + r.getLong(1)
              + " rows were read, but " + r.getLong(2) + " were loaded, " + r.getLong(3) + " kept as layout and "
              + r.getLong(4) + " quarantined. Nothing of the file was loaded; it stays in the inbox. This is a defect"
              + " in Plumbline: please report it with the file.");
        }
      }
    }
  }

  /** Thrown when a load would not account for every row it read. */
  static final class ConservationViolatedException extends IllegalStateException {
    ConservationViolatedException(String message) {
      super(message);
    }
  }
}
