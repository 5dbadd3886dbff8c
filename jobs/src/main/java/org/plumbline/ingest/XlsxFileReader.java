package org.plumbline.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.plumbline.governance.Source;
import org.plumbline.system.SqlScript;

/**
 * XLSX workbooks, streamed row by row with fastexcel-reader (never the whole workbook in
 * memory) and appended cell by cell to {@code incoming_cell} with DuckDB's Appender. Rows
 * above the header row (titles) are not data; blank rows are not rows.
 */
final class XlsxFileReader implements SourceFileReader {

  @Override
  public void read(Connection connection, Path file, Source source) throws SQLException, FileRejectedException {
    // Cell formats are needed to tell a date (a serial number with a date format) from a number.
    try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
      Sheet sheet = findSheet(workbook, source);
      List<String> header = null;
      DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
      try (Stream<Row> rows = sheet.openStream();
          DuckDBAppender cells = duck.createAppender("temp", "main", "incoming_cell")) {
        Iterator<Row> it = rows.iterator();
        while (it.hasNext()) {
          Row row = it.next();
          if (row.getRowNum() < source.headerRow()) {
            continue;
          }
          if (row.getRowNum() == source.headerRow()) {
            header = headerNames(row);
            continue;
          }
          if (header == null || isBlank(row)) {
            continue;
          }
          int width = Math.max(header.size(), row.getCellCount());
          for (int c = 0; c < width; c++) {
            cells.beginRow()
                .append(sheet.getName())
                .append(row.getRowNum())
                .append(c)
                .append(c < row.getCellCount() ? XlsxCellText.of(row.getCell(c)) : null)
                .endRow();
          }
        }
      }
      if (header == null) {
        throw new FileRejectedException("The sheet '" + sheet.getName() + "' has no header in row "
            + source.headerRow() + " (sources.yml: header_row of source '" + source.id() + "').");
      }
      try (PreparedStatement s = connection.prepareStatement("insert into incoming_sheet values (?, ?, ?)")) {
        s.setString(1, sheet.getName());
        s.setInt(2, source.headerRow());
        s.setArray(3, connection.createArrayOf("VARCHAR", header.toArray()));
        s.executeUpdate();
      }
      try (PreparedStatement collect = connection.prepareStatement(SqlScript.text("sql/ingest/collect_cells.sql"))) {
        collect.executeUpdate();
      }
    } catch (IOException | RuntimeException e) {
      throw new FileRejectedException("It is not a readable XLSX workbook: " + describe(e), e);
    }
  }

  private static Sheet findSheet(ReadableWorkbook workbook, Source source) throws FileRejectedException {
    if (source.sheet() == null) {
      return workbook.getFirstSheet();
    }
    return workbook.findSheet(source.sheet()).orElseThrow(() -> new FileRejectedException(
        "The workbook has no sheet named '" + source.sheet() + "' (sources.yml: sheet of source '"
            + source.id() + "'); its sheets are " + workbook.getSheets().map(Sheet::getName).toList() + "."));
  }

  /** Header cells as names; a blank header cell is named by its column letter so nothing shifts. */
  private static List<String> headerNames(Row row) {
    List<String> names = new ArrayList<>();
    for (int c = 0; c < row.getCellCount(); c++) {
      String text = XlsxCellText.of(row.getCell(c));
      names.add(text == null || text.isBlank() ? "column_" + columnLetters(c) : text.strip());
    }
    while (!names.isEmpty() && names.get(names.size() - 1).startsWith("column_")) {
      names.remove(names.size() - 1);
    }
    return names;
  }

  static String columnLetters(int index) {
    StringBuilder letters = new StringBuilder();
    for (int i = index + 1; i > 0; i = (i - 1) / 26) {
      letters.insert(0, (char) ('A' + (i - 1) % 26));
    }
    return letters.toString();
  }

  private static boolean isBlank(Row row) {
    for (int c = 0; c < row.getCellCount(); c++) {
      String text = XlsxCellText.of(row.getCell(c));
      if (text != null && !text.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
