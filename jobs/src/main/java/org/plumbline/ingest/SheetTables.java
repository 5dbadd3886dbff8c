package org.plumbline.ingest;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.plumbline.governance.Source;
import org.plumbline.governance.Source.Table;

/**
 * Splits one streamed sheet into the tables its source declares ({@code tables}, in sheet
 * order), one row at a time. Each table's header is read as its own; its data rows keep their
 * Excel row numbers and are appended through the {@link SheetRowSink}. Between the tables,
 * blank rows and the next table's title row are layout; any other row there (or below the last
 * table) is appended with a problem saying where it lies, so it is quarantined, never dropped.
 * Rows above the first table are its titles, as on a sheet that is one table. A table with
 * {@code header_row: auto} starts at the first row naming every column it reads (after the table
 * before it, or below its title, whose other rows above the header are layout).
 */
final class SheetTables {

  /** A table as found: its header and the last row that belongs to it. */
  record Region(Table table, int headerRow, List<String> header, int lastRow) {}

  private final SheetRowSink sink;
  private final String sheetName;
  private final Source source;
  private final List<Region> found = new ArrayList<>();
  private int next;                 // the index of the next table to start
  private Table current;            // the table whose rows are being read, or null
  private int currentHeaderRow;
  private List<String> currentHeader;
  private int currentLastRow;
  private int titleRow;             // > 0: the next table's title was seen, its header is the next non-blank row

  SheetTables(SheetRowSink sink, String sheetName, Source source) {
    this.sink = sink;
    this.sheetName = sheetName;
    this.source = source;
  }

  void row(int rowNumber, List<String> texts, String kinds, boolean blank) throws SQLException, FileRejectedException {
    if (current != null && current.end() == Table.End.BLANK_ROW && rowNumber > currentLastRow + 1) {
      close(); // a workbook leaves empty rows out: a gap in the row numbers is a blank row
    }
    if (titleRow > 0) {
      // Below a title the header is the next non-blank row; with header_row: auto the next one
      // naming every column the table reads (rows before it are the title's, as above a sheet's header).
      if (!blank && (!source.tables().get(next).headerAutoDetected() || namesColumnsOf(source.tables().get(next),
          texts))) {
        start(rowNumber, texts);
      }
      return;
    }
    Table upcoming = next < source.tables().size() ? source.tables().get(next) : null;
    if (upcoming != null && !blank) {
      String columnA = texts.isEmpty() ? null : texts.get(0);
      if (upcoming.title() != null && upcoming.isTitle(columnA)) {
        close();
        titleRow = rowNumber;
        return;
      }
      if (upcoming.title() == null && (upcoming.headerAutoDetected() ? namesColumnsOf(upcoming, texts)
          : rowNumber == upcoming.headerRow())) {
        close();
        start(rowNumber, texts);
        return;
      }
    }
    if (current != null) {
      if (blank) {
        if (current.end() == Table.End.BLANK_ROW) {
          close();
        }
        return;
      }
      sink.append(rowNumber, texts, kinds, currentHeader.size(), null);
      currentLastRow = rowNumber;
      return;
    }
    if (blank || next == 0) {
      return; // blank rows, and the titles above the first table, are layout
    }
    sink.append(rowNumber, texts, kinds, 0, outside(rowNumber, upcoming));
  }

  /** The tables as found, in sheet order; a table the sheet does not have rejects the file. */
  List<Region> finish() throws FileRejectedException {
    if (titleRow > 0) {
      Table table = source.tables().get(next);
      throw new FileRejectedException("The sheet '" + sheetName + "' has the title of table '" + table.name()
          + "' in row " + titleRow + " but no header row below it" + (table.headerAutoDetected()
              ? " that names the columns " + source.columnsRead(table) + " (header_row: auto)" : "")
          + " (sources.yml: tables of source '" + source.id() + "').");
    }
    close();
    if (next < source.tables().size()) {
      Table table = source.tables().get(next);
      String below = "below " + (found.isEmpty() ? "the top" : "table '" + found.get(found.size() - 1).table().name()
          + "'");
      throw new FileRejectedException("The sheet '" + sheetName + "' has no table '" + table.name() + "': "
          + (table.title() != null ? "no row " + below + " has '" + table.title() + "' in column A"
              : table.headerAutoDetected() ? "no row " + below + " names the columns " + source.columnsRead(table)
                  + " (header_row: auto)"
              : "its header row " + table.headerRow() + " is blank or missing")
          + " (sources.yml: tables of source '" + source.id() + "').");
    }
    return found;
  }

  /** Whether a row names every column the table reads: its header, with header_row: auto. */
  private boolean namesColumnsOf(Table table, List<String> texts) {
    return SheetRowSink.headerNames(texts).containsAll(source.columnsRead(table));
  }

  private void start(int rowNumber, List<String> texts) {
    current = source.tables().get(next++);
    currentHeaderRow = rowNumber;
    currentHeader = SheetRowSink.headerNames(texts);
    currentLastRow = rowNumber;
    titleRow = 0;
  }

  private void close() {
    if (current != null) {
      found.add(new Region(current, currentHeaderRow, currentHeader, currentLastRow));
      current = null;
    }
  }

  private String outside(int rowNumber, Table upcoming) {
    Region before = found.get(found.size() - 1);
    String where = upcoming == null
        ? "below the last table '" + before.table().name() + "'"
        : "between table '" + before.table().name() + "' and table '" + upcoming.name() + "'";
    return "Row " + rowNumber + " of sheet '" + sheetName + "' lies " + where + " (which ended at row "
        + before.lastRow() + (before.table().end() == Table.End.BLANK_ROW ? ", before its first blank row" : "")
        + ") and is neither blank nor a table's title, so it belongs to no table of source '" + source.id()
        + "'; declare its table in sources.yml or move the row into a table.";
  }
}
