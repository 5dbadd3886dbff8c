package org.plumbline.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/** Reads generated demo files back the way a test needs them: DuckDB for data, fastexcel-reader for XLSX. */
final class GeneratedFiles {

  /** One data row of a Production KPI workbook. */
  record KpiRow(LocalDate weekStarting, BigDecimal units, BigDecimal inspected, BigDecimal scrapCost) {}

  private GeneratedFiles() {}

  /** Rows of {@code sql} with {@code ?} bound to the given values (typically glob paths). */
  static List<List<Object>> query(String sql, Object... parameters) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<List<Object>> rows = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            row.add(rs.getObject(i));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  static long count(String sql, Object... parameters) throws SQLException {
    return ((Number) query(sql, parameters).get(0).get(0)).longValue();
  }

  static String glob(Path inbox, String pattern) {
    return inbox.resolve(pattern).toString();
  }

  static List<Path> files(Path inbox, String globPattern) throws IOException {
    var matcher = inbox.getFileSystem().getPathMatcher("glob:" + globPattern);
    try (Stream<Path> files = Files.list(inbox)) {
      return files.filter(p -> matcher.matches(p.getFileName())).sorted().toList();
    }
  }

  static List<String> lines(Path file) throws IOException {
    return List.of(Files.readString(file, StandardCharsets.UTF_8).split("\r\n|\n"));
  }

  /** All rows of a sheet as read, with cell formats. */
  static List<Row> sheet(Path workbook, String name) throws IOException {
    try (ReadableWorkbook wb = new ReadableWorkbook(workbook.toFile(), new ReadingOptions(true, false))) {
      return wb.findSheet(name).orElseThrow().read();
    }
  }

  /** The data rows of a KPI workbook: below the header on row 3, above the totals row. */
  static List<KpiRow> kpiRows(Path workbook) throws IOException {
    List<KpiRow> rows = new ArrayList<>();
    for (Row row : sheet(workbook, KpiWorkbookWriter.SHEET)) {
      if (row.getRowNum() <= 3 || "Total".equals(row.getCellText(0))) {
        continue;
      }
      rows.add(new KpiRow(row.getCell(0).asDate().toLocalDate(), row.getCell(1).asNumber(),
          row.getCell(2).asNumber(), row.getCell(3).asNumber()));
    }
    return rows;
  }

  /** Every cell of every sheet as "sheet!address=raw value|formula|format", for comparing workbooks. */
  static List<String> cells(Path workbook) throws IOException {
    List<String> cells = new ArrayList<>();
    try (ReadableWorkbook wb = new ReadableWorkbook(workbook.toFile(), new ReadingOptions(true, false))) {
      for (var sheet : wb.getSheets().toList()) {
        for (Row row : sheet.read()) {
          for (Cell cell : row) {
            if (cell != null) {
              cells.add(sheet.getName() + "!" + cell.getAddress() + "=" + cell.getRawValue() + "|"
                  + cell.getFormula() + "|" + cell.getDataFormatString());
            }
          }
        }
      }
    }
    return cells;
  }
}
