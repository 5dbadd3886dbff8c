package org.plumbline.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.plumbline.governance.Source;
import org.plumbline.system.SqlScript;

/**
 * One worksheet's rows, as a workbook reader streams them (cell texts at their column index),
 * appended as they come with DuckDB's Appender, one text per row (no per-cell rows to regroup
 * afterwards, and no list per row: {@link JoinedFields}), then split into field lists in
 * DuckDB ({@code sql/ingest/sheet_rows.sql}); shared by the XLSX and the legacy XLS
 * reader so both treat a sheet alike. Rows above the header row (titles) are not data; blank
 * rows are not rows. Every row keeps its cells at their column index (a blank cell is a null
 * field), so no column ever shifts. A sheet of several tables (a source's {@code tables}) is
 * split into them by {@link SheetTables}.
 */
final class SheetRowSink implements AutoCloseable {

  /** Excel's own limit on a cell's text; more is a crafted file (a shared-strings bomb). */
  static final int MAX_CELL_CHARS = 32_767;

  private final String sheetName;
  private final Source source;
  private final DuckDBAppender rows;
  private final Connection connection;
  private DuckDBAppender hiddenRows; // made at the first hidden row: most sheets have none
  private DuckDBAppender hiddenColumns; // likewise
  private final JoinedFields joined = new JoinedFields();
  private final SheetTables tables;
  private List<String> header;
  private int headerRow;
  private boolean sawRows;

  /**
   * A sink for the sheet {@code sheetName} of a workbook counting its date serials from 1904-01-01
   * when {@code date1904} (Excel for Mac's old default), else from 1899-12-30; the readers write
   * dates as ISO dates themselves, so only the hint for a date serial in a cell without a date
   * format (type_values.sql) reads the system, from {@code incoming_workbook}.
   */
  SheetRowSink(Connection connection, String sheetName, Source source, boolean date1904) throws SQLException {
    if (date1904) {
      try (var update = connection.createStatement()) {
        update.execute("update incoming_workbook set serial_day_zero = date '1904-01-01'");
      }
    }
    this.sheetName = sheetName;
    this.source = source;
    this.connection = connection;
    this.rows = connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", "incoming_row_joined");
    this.tables = source.tables().isEmpty() ? null : new SheetTables(this, sheetName, source);
  }

  /**
   * A row as read; {@code rowNumber} is the row a person sees in Excel (1 for the first), {@code kinds}
   * its cells' {@link CellKind}s (one character a cell; the trailing plain numbers may be left out).
   */
  void row(int rowNumber, List<String> texts, String kinds) throws SQLException, FileRejectedException {
    boolean blank = isBlank(texts);
    sawRows |= !blank;
    if (tables != null) {
      tables.row(rowNumber, texts, kinds, blank);
      return;
    }
    if (header == null) {
      // Title rows above the header are not data.
      if (isHeader(rowNumber, texts, blank)) {
        header = headerNames(texts);
        headerRow = rowNumber;
      }
      return;
    }
    if (blank) {
      return;
    }
    append(rowNumber, texts, kinds, header.size(), null);
  }

  /** Appends a row read, its cells at their column index; a row with a problem is quarantined with it. */
  void append(int rowNumber, List<String> texts, String kinds, int headerSize, String problem)
      throws SQLException, FileRejectedException {
    int fieldCount = Math.max(headerSize, texts.size());
    joined.clear();
    for (int c = 0; c < fieldCount; c++) {
      String text = c < texts.size() ? texts.get(c) : null;
      if (text != null && text.length() > MAX_CELL_CHARS) {
        throw new FileRejectedException("The cell " + columnLetters(c) + rowNumber + " of sheet '" + sheetName
            + "' holds " + text.length() + " characters, more than Excel allows (" + MAX_CELL_CHARS
            + "); it is not a workbook Excel wrote.");
      }
      joined.add(text);
    }
    rows.beginRow().append(sheetName).append(rowNumber).append(fieldCount).append(joined.text()).append(problem)
        .append(kinds).endRow();
  }

  /** A row the workbook hides; read like the others ({@link #row}), and the load says so (HiddenRowsAndColumns). */
  void hidden(int rowNumber) throws SQLException {
    if (hiddenRows == null) {
      hiddenRows = connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", "incoming_hidden_row");
    }
    hiddenRows.beginRow().append(sheetName).append(rowNumber).endRow();
  }

  /**
   * Columns the workbook hides, {@code first} to {@code last} (1 for column A); their cells are read like
   * the others, and a load that took values from them says so (HiddenRowsAndColumns).
   */
  void hiddenColumns(int first, int last) throws SQLException {
    if (hiddenColumns == null) {
      hiddenColumns =
          connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", "incoming_hidden_column");
    }
    hiddenColumns.beginRow().append(sheetName).append(first).append(last).endRow();
  }

  /** Records the header (each table's, on a sheet of several); call after the last row. */
  void finish(Connection connection) throws SQLException, FileRejectedException {
    rows.flush();
    if (hiddenRows != null) {
      hiddenRows.flush();
    }
    if (hiddenColumns != null) {
      hiddenColumns.flush();
    }
    SqlScript.execute(connection, "sql/ingest/sheet_rows.sql");
    if (tables != null) {
      for (SheetTables.Region region : tables.finish()) {
        insertHeader(connection, region.headerRow(), region.header(), region.table().name(), region.headerRow() + 1,
            region.lastRow());
      }
      return;
    }
    if (header == null && !sawRows && source.columnsRead().isEmpty()) {
      header = List.of(); // an empty sheet, for a source that reads no columns: nothing to lose
    }
    if (header == null) {
      throw new FileRejectedException("The sheet '" + sheetName + "' has no header " + (source.headerAutoDetected()
          ? "row with the columns " + source.columnsRead() : "in row " + source.headerRow())
          + " (sources.yml: header_row of source '" + source.id() + "').");
    }
    insertHeader(connection, headerRow, header, "", null, null);
  }

  private void insertHeader(Connection connection, int row, List<String> names, String tableName, Integer firstRow,
      Integer lastRow) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("insert into incoming_sheet (sheet_name, header_row,"
        + " column_names, table_name, first_row, last_row) values (?, ?, ?, ?, ?, ?)")) {
      s.setString(1, sheetName);
      s.setInt(2, row);
      s.setArray(3, connection.createArrayOf("VARCHAR", names.toArray()));
      s.setString(4, tableName);
      s.setObject(5, firstRow);
      s.setObject(6, lastRow);
      s.executeUpdate();
    }
  }

  @Override
  public void close() throws SQLException {
    rows.close();
    if (hiddenRows != null) {
      hiddenRows.close();
    }
    if (hiddenColumns != null) {
      hiddenColumns.close();
    }
  }

  /** The configured header row, or with header_row: auto the first row naming every column read. */
  private boolean isHeader(int rowNumber, List<String> texts, boolean blank) {
    if (!source.headerAutoDetected()) {
      return rowNumber == source.headerRow();
    }
    return !blank && headerNames(texts).containsAll(source.columnsRead());
  }

  /** Header cells as names; a blank header cell is named by its column letter so nothing shifts. */
  static List<String> headerNames(List<String> texts) {
    List<String> names = new ArrayList<>();
    for (int c = 0; c < texts.size(); c++) {
      String name = texts.get(c) == null ? "" : HeaderCheck.trimmed(texts.get(c));
      names.add(name.isEmpty() ? "column_" + columnLetters(c) : name);
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

  static boolean isBlank(List<String> texts) {
    for (String text : texts) {
      if (text != null && !text.isBlank()) {
        return false;
      }
    }
    return true;
  }
}
