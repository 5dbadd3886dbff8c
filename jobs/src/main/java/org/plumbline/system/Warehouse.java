package org.plumbline.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The working DuckDB file. One process holds it at a time (DuckDB allows a single writer);
 * analysts read published copies instead.
 */
public final class Warehouse implements AutoCloseable {

  /** Ledger migrations in order; a new ledger version is a new file here, never an edit. */
  static final List<String> LEDGER_VERSIONS =
      List.of("sql/ledger/V1__ledger.sql", "sql/ledger/V2__typed_values_and_quarantine.sql",
          "sql/ledger/V5__erasure_log.sql");

  private final Path file;
  private final Connection connection;

  private Warehouse(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /** Opens (creating if needed) the warehouse file and brings the ledger to its latest version. */
  public static Warehouse open(Path file, String memoryLimit, int threads) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the warehouse folder for " + file, e);
    }
    Connection connection;
    try {
      connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
    } catch (SQLException e) {
      throw new WarehouseUnavailableException(file, e);
    }
    Warehouse warehouse = new Warehouse(file, connection);
    try (Statement s = connection.createStatement()) {
      // Nothing may download at run time: parquet and json are built in; anything else fails fast.
      s.execute("set autoinstall_known_extensions = false");
      s.execute("set autoload_known_extensions = false");
      s.execute("set memory_limit = '" + memoryLimitLiteral(memoryLimit) + "'");
      s.execute("set threads = " + Math.max(1, threads));
      for (String version : LEDGER_VERSIONS) {
        SqlScript.execute(connection, version);
      }
    } catch (SQLException e) {
      warehouse.close();
      throw new IllegalStateException("Could not prepare the warehouse " + file + ": " + e.getMessage(), e);
    }
    return warehouse;
  }

  /** Accepts only sizes such as 512MB or 2GB, so a setting can never smuggle in SQL. */
  static String memoryLimitLiteral(String value) {
    if (value == null || !value.matches("\\d+(\\.\\d+)?\\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)")) {
      throw new IllegalArgumentException(
          "plumbline.warehouse.memory-limit must be a size such as 2GB or 512MB, not '" + value + "'.");
    }
    return value;
  }

  public Connection connection() {
    return connection;
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Closing is best effort; DuckDB has written everything committed.
    }
  }

  /** The warehouse file is held by another process (DuckDB has a single writer). */
  public static final class WarehouseUnavailableException extends RuntimeException {
    WarehouseUnavailableException(Path file, SQLException cause) {
      super(cause.getMessage() != null && cause.getMessage().contains("lock")
              ? "The warehouse " + file + " is in use by another Plumbline process; only one may write it at a time."
              : "Could not open the warehouse " + file + ": " + cause.getMessage(),
          cause);
    }
  }
}
