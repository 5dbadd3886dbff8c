package org.plumbline.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.ResourceBundle;
import org.plumbline.system.SqlScript;

/**
 * Writes the lists the PDF only starts, the whole quarantine and every finding, as CSV files
 * beside it in the outbox. Each file appears complete or not at all: DuckDB writes a .part
 * file that is renamed once finished. The findings' evidence sentences are in the report's
 * language, as in the PDF beside them.
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

  /**
   * Writes both CSV files for {@code asOf} into {@code outbox}, evidence in {@code locale}'s
   * language; returns how many were written.
   */
  public static int write(Connection duckdb, Path outbox, String asOf, Locale locale) {
    copy(duckdb, "sql/report-csv/quarantine.sql", outbox.resolve(quarantineName(asOf)));
    writeEvidenceSentences(duckdb, locale);
    copy(duckdb, "sql/report-csv/findings.sql", outbox.resolve(findingsName(asOf)));
    return 2;
  }

  /**
   * The findings' evidence sentences in the report's language, into the temp table
   * {@code report_csv_evidence} that findings.sql reads: the sentences are made from the bundles
   * (ReportSentences.evidence), which SQL cannot do.
   */
  private static void writeEvidenceSentences(Connection duckdb, Locale locale) {
    ResourceBundle words = ReportSentences.bundle(locale);
    try (Statement statement = duckdb.createStatement()) {
      statement.execute("create or replace temp table report_csv_evidence (finding_key varchar primary key,"
          + " evidence varchar not null)");
      try (ResultSet findings = statement.executeQuery(
              "select finding_key, evidence_key, evidence_args from rpt_finding where evidence_key is not null");
          PreparedStatement insert = duckdb.prepareStatement("insert into report_csv_evidence values (?, ?)")) {
        while (findings.next()) {
          insert.setString(1, findings.getString(1));
          insert.setString(2, ReportSentences.evidence(words, locale, findings.getString(2), findings.getString(3)));
          insert.addBatch();
        }
        insert.executeBatch();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the findings' evidence from the warehouse: " + e.getMessage(), e);
    }
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
