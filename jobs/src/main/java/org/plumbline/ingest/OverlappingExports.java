package org.plumbline.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.plumbline.governance.Source;
import org.plumbline.system.SqlScript;

/**
 * Whether a system's export covers periods an earlier file of the same source covered
 * ({@code sql/ingest/overlapping_loads.sql}): its rows are added to that file's, which is right
 * for a day's export beside another day's and wrong for the same month exported again under
 * another name. Which one it is, only the steward knows, so the load says so rather than decide.
 */
final class OverlappingExports {

  private OverlappingExports() {}

  /** The note for a load whose periods overlap earlier loads of its source; null when none do. */
  static String note(Connection connection, long loadId, Source source) throws SQLException {
    if (source.kind() != Source.Kind.SYSTEM_OF_RECORD || source.versionKey() == Source.VersionKey.PERIODS) {
      return null; // self-reported figures replace each other; a key by periods replaces the same periods
    }
    List<String> earlier = new ArrayList<>();
    try (PreparedStatement s = connection.prepareStatement(SqlScript.text("sql/ingest/overlapping_loads.sql"))) {
      s.setLong(1, loadId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          earlier.add("load " + r.getLong(1) + " (" + r.getString(2) + ")");
        }
      }
    }
    if (earlier.isEmpty()) {
      return null;
    }
    return "its periods overlap those of " + String.join(", ", earlier) + " of the same source, and a system's rows"
        + " from two files add up: if it is the same data exported again, it now counts twice. If a new file"
        + " replaces the one before, give source '" + source.id() + "' version_key: periods in sources.yml";
  }
}
