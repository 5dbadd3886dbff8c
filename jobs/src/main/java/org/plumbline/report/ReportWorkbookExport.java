package org.plumbline.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.plumbline.system.SqlScript;

/**
 * Writes the report's tables (every {@code rpt_*} table the PDFs are filled from) into one
 * workbook beside the PDF, a sheet per table named as the table, for those who want the
 * numbers: numbers as numbers, dates as dates, the header row frozen. Streams row by row, so
 * a table of any length is written in little memory; a table longer than a sheet continues on
 * the next ("rpt_quarantine (2)"). The file appears complete or not at all.
 */
public final class ReportWorkbookExport {

  static final String DATE_FORMAT = "yyyy-mm-dd";
  static final String TIMESTAMP_FORMAT = "yyyy-mm-dd hh:mm:ss";
  /** Data rows per sheet: Excel's 1,048,576 rows less the header. */
  static final int ROWS_PER_SHEET = Worksheet.MAX_ROWS - 1;
  private static final int FLUSH_EVERY = 10_000;

  private final int rowsPerSheet;

  public ReportWorkbookExport() {
    this(ROWS_PER_SHEET);
  }

  /** With a smaller sheet, so that tests can see a table continue on the next sheet. */
  ReportWorkbookExport(int rowsPerSheet) {
    this.rowsPerSheet = rowsPerSheet;
  }

  /** Writes {@link ReportFiles#workbook(String)} into {@code outbox}; returns the sheets written. */
  public int write(Connection duckdb, Path outbox, String asOf) {
    Path target = outbox.resolve(ReportFiles.workbook(asOf)).toAbsolutePath();
    Path partial = target.resolveSibling(target.getFileName() + ".part");
    try {
      Files.createDirectories(target.getParent());
      int sheets;
      try (OutputStream out = Files.newOutputStream(partial)) {
        Workbook workbook = new Workbook(out, "Plumbline", "1.0");
        sheets = 0;
        for (String table : reportTables(duckdb)) {
          sheets += writeTable(duckdb, workbook, table);
        }
        workbook.finish();
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return sheets;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not write " + target + " from the warehouse: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + target + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // Only a leftover .part file; the next run overwrites it.
      }
    }
  }

  private static List<String> reportTables(Connection duckdb) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement s = duckdb.createStatement();
        ResultSet r = s.executeQuery(SqlScript.text("sql/report-xlsx/report_tables.sql"))) {
      while (r.next()) {
        tables.add(r.getString(1));
      }
    }
    return tables;
  }

  private int writeTable(Connection duckdb, Workbook workbook, String table) throws SQLException, IOException {
    try (PreparedStatement query = duckdb.prepareStatement(SqlScript.text("sql/report-xlsx/report_table_rows.sql"))) {
      query.setString(1, table);
      try (ResultSet rows = query.executeQuery()) {
        ResultSetMetaData columns = rows.getMetaData();
        int sheetNumber = 1;
        Worksheet sheet = newSheet(workbook, table, sheetNumber, columns);
        int row = 0;
        while (rows.next()) {
          if (row == rowsPerSheet) {
            sheet.finish();
            sheet = newSheet(workbook, table, ++sheetNumber, columns);
            row = 0;
          }
          row++;
          for (int c = 1; c <= columns.getColumnCount(); c++) {
            cell(sheet, row, c - 1, rows.getObject(c));
          }
          if (row % FLUSH_EVERY == 0) {
            sheet.flush();
          }
        }
        sheet.finish();
        return sheetNumber;
      }
    }
  }

  private static Worksheet newSheet(Workbook workbook, String table, int number, ResultSetMetaData columns)
      throws SQLException {
    String suffix = number == 1 ? "" : " (" + number + ")";
    // Excel allows 31 characters in a sheet name.
    String name = table.length() + suffix.length() > 31 ? table.substring(0, 31 - suffix.length()) + suffix
        : table + suffix;
    Worksheet sheet = workbook.newWorksheet(name);
    for (int c = 1; c <= columns.getColumnCount(); c++) {
      sheet.value(0, c - 1, columns.getColumnLabel(c));
      sheet.style(0, c - 1).bold().set();
      sheet.width(c - 1, Math.min(40, Math.max(10, columns.getColumnLabel(c).length() + 2)));
    }
    sheet.freezePane(0, 1);
    return sheet;
  }

  /** Typed cells: a number stays a number and a date a date, so the numbers can be summed and sorted. */
  private static void cell(Worksheet sheet, int row, int column, Object value) throws SQLException {
    if (value == null) {
      return;
    }
    if (value instanceof BigInteger big) {
      sheet.value(row, column, new BigDecimal(big));
    } else if (value instanceof Double number && !Double.isFinite(number)) {
      sheet.value(row, column, number.toString()); // Excel has no NaN or infinity
    } else if (value instanceof Number number) {
      sheet.value(row, column, number);
    } else if (value instanceof Boolean bool) {
      sheet.value(row, column, bool);
    } else if (value instanceof LocalDate date) {
      sheet.value(row, column, date);
      sheet.style(row, column).format(DATE_FORMAT).set();
    } else if (value instanceof Timestamp timestamp) {
      sheet.value(row, column, timestamp.toLocalDateTime());
      sheet.style(row, column).format(TIMESTAMP_FORMAT).set();
    } else if (value instanceof java.time.LocalDateTime timestamp) {
      sheet.value(row, column, timestamp);
      sheet.style(row, column).format(TIMESTAMP_FORMAT).set();
    } else if (value instanceof java.sql.Array list) {
      sheet.value(row, column, java.util.Arrays.toString((Object[]) list.getArray()));
    } else {
      sheet.value(row, column, value.toString());
    }
  }
}
