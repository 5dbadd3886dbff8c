package org.plumbline.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs a static SQL file shipped under {@code sql/} in the jar, as it is written. */
public final class SqlScript {

  private SqlScript() {}

  /** The text of a classpath resource such as {@code sql/ledger/V1__ledger.sql}. */
  public static String text(String resource) {
    try (InputStream in = SqlScript.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The SQL file " + resource + " is missing from the build.");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + resource, e);
    }
  }

  /** Executes every statement of the file; DuckDB runs a multi-statement text in order. */
  public static void execute(Connection connection, String resource) throws SQLException {
    // A fresh statement each time: DuckDB closes a statement after any error.
    try (Statement statement = connection.createStatement()) {
      statement.execute(text(resource));
    } catch (SQLException e) {
      throw new SQLException(resource + ": " + e.getMessage(), e.getSQLState(), e);
    }
  }
}
