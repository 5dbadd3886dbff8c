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
 * above the header row (titles) are not data; blank rows are not rows. Every row keeps its
 * cells at their column index (a blank cell is a null field), so no column ever shifts.
 *
 * <p>Merged header cells: XLSX stores the merge list after the cell data and fastexcel-reader
 * does not expose it, so a single streaming pass cannot know a merge before the header. The
 * value of a merged region is in its top-left cell and the other cells are blank; a blank
 * header cell is named by its column letter ({@code column_C}), so the header never shifts
 * and a source names the column under the merged title by its top-left text or that name.
 * Reading the merge list would need a second pass over the sheet part; it is not done.
 */
final class XlsxFileReader implements SourceFileReader {

  /** Excel's own limit on a cell's text; more is a crafted file (a shared-strings bomb). */
  static final int MAX_CELL_CHARS = 32_767;

  @Override
  public void read(Connection connection, Path file, Source source) throws SQLException, FileRejectedException {
    WorkbookGuard.check(file);
    // Cell formats are needed to tell a date (a serial number with a date format) from a number.
    try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
      Sheet sheet = findSheet(workbook, source);
      List<String> header = null;
      int headerRow = 0;
      boolean sawRows = false;
      DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
      try (Stream<Row> rows = sheet.openStream();
          DuckDBAppender cells = duck.createAppender("temp", "main", "incoming_cell")) {
        Iterator<Row> it = rows.iterator();
        while (it.hasNext()) {
          Row row = it.next();
          sawRows |= !isBlank(row);
          if (header == null) {
            // Title rows above the header are not data.
            if (isHeader(row, source)) {
              header = headerNames(row);
              headerRow = row.getRowNum();
            }
            continue;
          }
          if (header == null || isBlank(row)) {
            continue;
          }
          int width = Math.max(header.size(), row.getCellCount());
          for (int c = 0; c < width; c++) {
            String text = c < row.getCellCount() ? XlsxCellText.of(row.getCell(c)) : null;
            if (text != null && text.length() > MAX_CELL_CHARS) {
              throw new FileRejectedException("The cell " + columnLetters(c) + row.getRowNum() + " of sheet '"
                  + sheet.getName() + "' holds " + text.length() + " characters, more than Excel allows ("
                  + MAX_CELL_CHARS + "); it is not a workbook Excel wrote.");
            }
            cells.beginRow()
                .append(sheet.getName())
                .append(row.getRowNum())
                .append(c)
                .append(text)
                .endRow();
          }
        }
      }
      if (header == null && !sawRows && source.columnsRead().isEmpty()) {
        header = List.of(); // an empty sheet, for a source that reads no columns: nothing to lose
      }
      if (header == null) {
        throw new FileRejectedException("The sheet '" + sheet.getName() + "' has no header " + (source.headerAutoDetected()
            ? "row with the columns " + source.columnsRead() : "in row " + source.headerRow())
            + " (sources.yml: header_row of source '" + source.id() + "').");
      }
      try (PreparedStatement s = connection.prepareStatement("insert into incoming_sheet values (?, ?, ?)")) {
        s.setString(1, sheet.getName());
        s.setInt(2, headerRow);
        s.setArray(3, connection.createArrayOf("VARCHAR", header.toArray()));
        s.executeUpdate();
      }
      try (PreparedStatement collect = connection.prepareStatement(SqlScript.text("sql/ingest/collect_cells.sql"))) {
        collect.executeUpdate();
      }
    } catch (IOException | RuntimeException | StackOverflowError e) {
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

  /** The configured header row, or with header_row: auto the first row naming every column read. */
  private static boolean isHeader(Row row, Source source) {
    if (!source.headerAutoDetected()) {
      return row.getRowNum() == source.headerRow();
    }
    if (isBlank(row)) {
      return false;
    }
    List<String> names = headerNames(row);
    return names.containsAll(source.columnsRead());
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

  private static String describe(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
