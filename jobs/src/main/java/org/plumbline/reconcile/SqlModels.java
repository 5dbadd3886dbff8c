package org.plumbline.reconcile;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.plumbline.system.SqlScript;

/**
 * The SQL models under {@code sql/}, in the order {@code sql/build-order.txt} lists them
 * (staging, then intermediate, marts and report tables). Each file is a static
 * {@code create or replace table … as} statement, so running them all is a full rebuild.
 */
public final class SqlModels {

  static final String BUILD_ORDER = "sql/build-order.txt";

  private SqlModels() {}

  public static List<String> inBuildOrder() {
    return SqlScript.text(BUILD_ORDER).lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .map(line -> "sql/" + line)
        .toList();
  }

  /** Rebuilds every model; returns how many ran. */
  public static int rebuild(Connection connection) throws SQLException {
    List<String> models = inBuildOrder();
    for (String model : models) {
      SqlScript.execute(connection, model);
    }
    return models.size();
  }
}
