package org.plumbline.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The working DuckDB file. One process holds it at a time (DuckDB allows a single writer);
 * analysts read published copies instead.
 */
public final class Warehouse implements AutoCloseable {

  /** Ledger migrations in order; a new ledger version is a new file here, never an edit. */
  static final List<String> LEDGER_VERSIONS = List.of(
      "sql/ledger/V1__ledger.sql",
      "sql/ledger/V2__typed_values_and_quarantine.sql",
      "sql/ledger/V3__findings_history.sql",
      "sql/ledger/V5__erasure_log.sql",
      "sql/ledger/V6__rows_written_once.sql",
      "sql/ledger/V8__report_delivery.sql",
      "sql/ledger/V9__erasure_verified.sql",
      "sql/ledger/V10__tables_on_a_sheet.sql",
      "sql/ledger/V11__quarantine_table_name.sql",
      "sql/ledger/V12__file_modified_time.sql",
      "sql/ledger/V13__readings.sql",
      "sql/ledger/V14__row_departments.sql",
      "sql/ledger/V15__reading_settings.sql");

  private static final Pattern VERSION_NUMBER = Pattern.compile("/V(\\d+)__");

  private final Path file;
  private final String memoryLimit;
  private final int threads;
  private Connection connection;

  private Warehouse(Path file, String memoryLimit, int threads) {
    this.file = file;
    this.memoryLimit = memoryLimit;
    this.threads = threads;
  }

  /**
   * Whether no process holds the warehouse file (or there is none yet): a run's process holds it
   * from start to end, so a run that reads as running while the file is free was cut off. It is
   * opened read-only for a moment, which a process starting that very moment would find busy:
   * for a deliberate command (stop), not for polling.
   */
  public static boolean isFree(Path file) {
    if (!Files.exists(file)) {
      return true;
    }
    try (Connection probe = readOnly(file)) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * A read-only connection to the warehouse file, with no migration: reading needs no write
   * lock, but DuckDB refuses it (SQLException) while a process holds the file for writing.
   */
  public static Connection readOnly(Path file) throws SQLException {
    java.util.Properties readOnly = new java.util.Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), readOnly);
  }

  /** Opens (creating if needed) the warehouse file and brings the ledger to its latest version. */
  public static Warehouse open(Path file, String memoryLimit, int threads) {
    Warehouse warehouse = deferred(file, memoryLimit, threads);
    warehouse.connection();
    return warehouse;
  }

  /**
   * A warehouse that opens the file at its first use. Commands that only read the job
   * repository (status, history, stop) then never touch the file another process may hold.
   */
  public static Warehouse deferred(Path file, String memoryLimit, int threads) {
    memoryLimitLiteral(memoryLimit);
    return new Warehouse(file, memoryLimit, threads);
  }

  private Connection openConnection() {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the warehouse folder for " + file, e);
    }
    Connection opened;
    try {
      opened = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
    } catch (SQLException e) {
      throw new WarehouseUnavailableException(file, e);
    }
    try (Statement s = opened.createStatement()) {
      // Nothing may download at run time: parquet and json are built in; anything else fails fast.
      s.execute("set autoinstall_known_extensions = false");
      s.execute("set autoload_known_extensions = false");
      s.execute("set memory_limit = '" + memoryLimitLiteral(memoryLimit) + "'");
      s.execute("set threads = " + Math.max(1, threads));
      for (String version : LEDGER_VERSIONS) {
        // A version that renames or moves tables (V6) cannot be written to repeat harmlessly;
        // one already recorded is not run again.
        if (!applied(opened, version)) {
          SqlScript.execute(opened, version);
        }
      }
    } catch (SQLException e) {
      try {
        opened.close();
      } catch (SQLException ignored) {
        // Already failing; the first error is the one to report.
      }
      throw new IllegalStateException("Could not prepare the warehouse " + file + ": " + e.getMessage(), e);
    }
    return opened;
  }

  private static boolean applied(Connection connection, String version) throws SQLException {
    Matcher number = VERSION_NUMBER.matcher(version);
    if (!number.find()) {
      throw new IllegalStateException("The ledger file " + version + " is not named V<number>__<what>.sql.");
    }
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("select count(*) from duckdb_tables() where table_name = 'ledger_schema_version'"
            + " and schema_name = 'main' and database_name = current_database()")) {
      r.next();
      if (r.getLong(1) == 0) {
        return false;
      }
    }
    try (PreparedStatement s = connection.prepareStatement("select count(*) from ledger_schema_version where version = ?")) {
      s.setInt(1, Integer.parseInt(number.group(1)));
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1) > 0;
      }
    }
  }

  /** Accepts only sizes such as 512MB or 2GB, so a setting can never smuggle in SQL. */
  static String memoryLimitLiteral(String value) {
    if (value == null || !value.matches("\\d+(\\.\\d+)?\\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)")) {
      throw new SettingsInvalidException(
          "plumbline.warehouse.memory-limit in config/application.yml must be a size such as 2GB or 512MB, not '"
              + value + "'.");
    }
    return value;
  }

  /** The process's one connection, opened at first use and held until {@link #close()}. */
  public synchronized Connection connection() {
    if (connection == null) {
      connection = openConnection();
    }
    return connection;
  }

  /** Whether this process has opened (and so holds) the warehouse file. */
  public synchronized boolean isOpen() {
    return connection != null;
  }

  /**
   * Interrupts the statement running on the connection now, if any; it fails with an
   * "Interrupted" error and its transaction rolls back. DuckDB's JDBC driver exposes this only
   * through {@code Statement.cancel()} of the running statement, which the code running it
   * owns; the connection-level call it uses is reached here, under the lock it requires.
   */
  public void interrupt() {
    try {
      Class<?> type = Class.forName("org.duckdb.DuckDBConnection");
      java.lang.reflect.Field lockField = type.getDeclaredField("connRefLock");
      lockField.setAccessible(true);
      Connection open;
      synchronized (this) {
        if (connection == null) {
          return;
        }
        open = connection;
      }
      java.util.concurrent.locks.Lock lock = (java.util.concurrent.locks.Lock) lockField.get(open);
      java.lang.reflect.Method interrupt = type.getDeclaredMethod("interrupt");
      interrupt.setAccessible(true);
      lock.lock();
      try {
        interrupt.invoke(open);
      } finally {
        lock.unlock();
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("This DuckDB driver cannot interrupt a running statement: " + e, e);
    }
  }

  /** A second connection to the same database, for reading beside the running job (the console). */
  public Connection readConnection() throws SQLException {
    return connection().unwrap(org.duckdb.DuckDBConnection.class).duplicate();
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void close() {
    if (connection == null) {
      return;
    }
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
