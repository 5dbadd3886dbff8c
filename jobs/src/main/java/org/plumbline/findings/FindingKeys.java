package org.plumbline.findings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the one finding a person means: its full key ({@code policy_breach:POL-INSP-001/PROD/2025-W31})
 * or any unique end of it ({@code POL-INSP-001/PROD/2025-W31}), among this run's findings and those of
 * earlier runs.
 */
public final class FindingKeys {

  private FindingKeys() {}

  static String resolve(Connection duckdb, String given) throws SQLException {
    List<String> matches = new ArrayList<>();
    try (PreparedStatement s = duckdb.prepareStatement("""
        select distinct finding_key from (
            select finding_key from fct_finding_status
            union all
            select finding_key from finding_history)
        where finding_key = ? or finding_key like ('%' || ?) escape '\\'
        order by finding_key
        limit 11""")) {
      s.setString(1, given);
      s.setString(2, given.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          matches.add(r.getString(1));
        }
      }
    }
    if (matches.contains(given)) {
      return given;
    }
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.isEmpty()) {
      throw new UnknownFindingException("No finding has the key '" + given + "'. Each finding's key is printed"
          + " in the report (its 'Finding key' line) and in the finding_key column of findings_as-of-<date>.csv"
          + " beside it in the outbox.");
    }
    throw new UnknownFindingException("'" + given + "' matches " + (matches.size() > 10 ? "more than 10" : matches.size())
        + " findings; give more of the key:\n  " + String.join("\n  ", matches.subList(0, Math.min(10, matches.size()))));
  }

  /** The key names no finding, or more than one; the message lists what to do. */
  public static final class UnknownFindingException extends RuntimeException {
    UnknownFindingException(String message) {
      super(message);
    }
  }
}
