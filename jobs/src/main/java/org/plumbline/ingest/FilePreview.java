package org.plumbline.ingest;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.governance.Source;
import org.plumbline.operations.PlainWords;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.Warehouse;

/**
 * Shows how a file would be read under its source without loading anything: the same
 * loader runs against a throw-away warehouse and inbox in a temporary folder, so what the
 * preview shows (header, typed values, quarantined rows, or the rejection) is exactly what a
 * load would do. The working warehouse is never opened.
 */
public final class FilePreview {

  private final GovernanceModel model;

  public FilePreview(GovernanceModel model) {
    this.model = model;
  }

  /** Returns false when the file would be rejected. */
  public boolean show(Path file, int rows, PrintWriter out) {
    Path scratch;
    try {
      scratch = Files.createTempDirectory("plumbline-preview");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a temporary folder for the preview", e);
    }
    try {
      PlumblineHome home = new PlumblineHome(scratch);
      Files.createDirectories(home.inbox());
      Path copy = home.inbox().resolve(file.getFileName().toString());
      Files.copy(file, copy);
      Files.setLastModifiedTime(copy, Files.getLastModifiedTime(file));
      try (Warehouse warehouse = Warehouse.open(home.warehouseFile(), "1GB", 2)) {
        FileOutcome outcome = new FileLoader(warehouse.connection(), home, model, Clock.systemUTC()).load(copy, null);
        if (outcome.kind() == FileOutcome.Kind.REJECTED) {
          out.println("The file " + file.getFileName() + " would be rejected: " + outcome.reason());
          return false;
        }
        Connection c = warehouse.connection();
        print(out, c, "Source and counts", "select source_id, version_key, rows_read, rows_loaded,"
            + " rows_skipped as rows_layout, rows_quarantined from load_audit", rows);
        // A sheet of several tables (a source's tables) shows each table's header, shape and rows.
        print(out, c, "Header as read", "select sheet_name, table_name, header_row, shape, column_names from raw_sheet"
            + " order by sheet_name, header_row", rows);
        print(out, c, "First rows (raw text)", "select sheet_name, table_name, row_number, is_layout, fields"
            + " from raw_row qualify row_number() over (partition by sheet_name, table_name order by row_number) <= ?"
            + " order by sheet_name, row_number", rows * 100, rows);
        // The attributes a KPI filter or a deviation scope can match, and the department each value
        // counts for: the one its row names (with the text it was read from) or else the source's.
        print(out, c, "First values (typed)", "select table_name, row_number, column_name, metric_name, period_text,"
            + " period_date, value_text, value, part_id, part_class, lot_id,"
            + " coalesce(department_code || coalesce(' (' || nullif(trim(department_text), '') || ')', ''), ?)"
            + " as department from raw_value order by sheet_name, row_number", rows, departmentOf(c));
        print(out, c, "Would be quarantined", "select sheet_name, table_name, row_number, reason, fields"
            + " from raw_quarantine order by sheet_name, row_number", rows);
        // What a load would say of it beside its counts (percentages that look like fractions, hidden rows …)
        print(out, c, "Notes", "select reason as note from file_delivery where reason is not null", rows);
        out.println("Nothing was loaded: this was a preview.");
        return true;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not preview " + file + ": " + e.getMessage(), e);
    } finally {
      delete(scratch);
    }
  }

  /** The department of the source the file was read under, for the rows that name none. */
  private String departmentOf(Connection c) {
    try (PreparedStatement s = c.prepareStatement("select source_id from load_audit"); ResultSet r = s.executeQuery()) {
      String sourceId = r.next() ? r.getString(1) : null;
      return model.sources().stream().filter(source -> source.id().equals(sourceId)).findFirst()
          .map(Source::departmentCode).orElse(null);
    } catch (SQLException e) {
      return null; // then the typed values show only the departments the rows name
    }
  }

  private static void print(PrintWriter out, Connection c, String title, String sql, int limit, Object... parameters) {
    out.println();
    out.println("== " + title);
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      print(out, s.executeQuery(), limit);
    } catch (SQLException e) {
      out.println("(could not show: " + PlainWords.firstLineOf(e) + ")");
    }
  }

  private static void print(PrintWriter out, ResultSet r, int limit) throws SQLException {
    try (r) {
      int n = r.getMetaData().getColumnCount();
      StringBuilder head = new StringBuilder();
      for (int i = 1; i <= n; i++) {
        head.append(i > 1 ? " | " : "").append(r.getMetaData().getColumnName(i));
      }
      out.println(head);
      int shown = 0;
      while (r.next()) {
        if (shown++ == limit) {
          out.println("…");
          break;
        }
        StringBuilder line = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          line.append(i > 1 ? " | " : "").append(r.getString(i));
        }
        out.println(line);
      }
      if (shown == 0) {
        out.println("(none)");
      }
    }
  }

  private static void delete(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary folder is harmless.
    }
  }
}
