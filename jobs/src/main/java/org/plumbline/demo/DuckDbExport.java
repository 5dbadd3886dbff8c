package org.plumbline.demo;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * An in-memory DuckDB used only to write Parquet and JSON files the way the real systems'
 * exports look. Single-threaded so that the same rows always give the same bytes.
 */
final class DuckDbExport implements AutoCloseable {

  private final DuckDBConnection connection;

  private DuckDbExport(DuckDBConnection connection) {
    this.connection = connection;
  }

  static DuckDbExport open() throws SQLException {
    DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    DuckDbExport export = new DuckDbExport(connection);
    try {
      export.execute("set threads = 1");
      export.execute("set autoinstall_known_extensions = false");
    } catch (SQLException e) {
      export.close();
      throw e;
    }
    return export;
  }

  void execute(String sql) throws SQLException {
    // A fresh statement each time: DuckDB closes a statement after any error.
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  DuckDBAppender appender(String table) throws SQLException {
    return connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
  }

  /** Writes the table to {@code file} in insertion order, then empties it for the next file. */
  void copyAndClear(String table, Path file, String options) throws SQLException {
    // COPY takes no bound parameter for its target, so the path is a literal with quotes doubled.
    String target = file.toAbsolutePath().toString().replace("'", "''");
    execute("copy " + table + " to '" + target + "' (" + options + ")");
    execute("delete from " + table);
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Nothing to keep: the database lives in memory only.
    }
  }
}
