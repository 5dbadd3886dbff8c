package org.plumbline.console;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plumbline.operations.PlainWords;
import org.plumbline.system.SqlScript;
import org.plumbline.system.Warehouse;

/**
 * Runs the console's read-only queries (static files under {@code sql/ops/}) on a second
 * connection to the warehouse this process holds, with every filter as a bound parameter.
 */
final class WarehouseQueries {

  /** The rows, or why there are none to show. */
  record Result(List<Map<String, Object>> rows, String problem) {}

  private final Warehouse warehouse;

  WarehouseQueries(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** Each value is bound twice, as the files' "null means any" filters need. */
  Result query(String resource, Object... filters) {
    try (Connection c = warehouse.readConnection();
        PreparedStatement s = c.prepareStatement(SqlScript.text(resource))) {
      int i = 1;
      for (Object filter : filters) {
        s.setObject(i++, filter);
        s.setObject(i++, filter);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        int columns = r.getMetaData().getColumnCount();
        while (r.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int col = 1; col <= columns; col++) {
            row.put(r.getMetaData().getColumnLabel(col), r.getObject(col));
          }
          rows.add(row);
        }
      }
      return new Result(rows, "");
    } catch (SQLException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      if (message.contains("does not exist")) {
        return new Result(List.of(), "Nothing to show yet: no run has built the staging tables.");
      }
      return new Result(List.of(), "The warehouse could not answer: " + PlainWords.firstLineOf(e));
    }
  }
}
