package org.plumbline.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.plumbline.system.SqlScript;

/**
 * Writes the lists the PDF only starts, the whole quarantine and every finding, as CSV files
 * beside it in the outbox. Each file appears complete or not at all: DuckDB writes a .part
 * file that is renamed once finished.
 */
public final class ReportCsvExport {

  private ReportCsvExport() {}

  /** "quarantine_as-of-2026-01-06.csv": the name the PDF quotes. */
  public static String quarantineName(String asOf) {
    return "quarantine_as-of-" + asOf + ".csv";
  }

  /** "findings_as-of-2026-01-06.csv". */
  public static String findingsName(String asOf) {
    return "findings_as-of-" + asOf + ".csv";
  }

  /** Writes both CSV files for {@code asOf} into {@code outbox}; returns how many were written. */
  public static int write(Connection duckdb, Path outbox, String asOf) {
    copy(duckdb, "sql/report-csv/quarantine.sql", outbox.resolve(quarantineName(asOf)));
    copy(duckdb, "sql/report-csv/findings.sql", outbox.resolve(findingsName(asOf)));
    return 2;
  }

  private static void copy(Connection duckdb, String script, Path target) {
    Path absolute = target.toAbsolutePath();
    Path partial = absolute.resolveSibling(absolute.getFileName() + ".part");
    try {
      Files.createDirectories(absolute.getParent());
      try (PreparedStatement copy = duckdb.prepareStatement(SqlScript.text(script))) {
        copy.setString(1, partial.toString());
        copy.execute();
      }
      Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not write " + absolute + " from the warehouse: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + absolute + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // Only a leftover .part file; the next run overwrites it.
      }
    }
  }
}
