package org.plumbline.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.plumbline.governance.Source;

/**
 * Workbooks: XLSX streamed row by row with fastexcel-reader (never the whole workbook in
 * memory) into a {@link SheetRowSink}; a legacy .xls (an OLE2 file) goes to
 * {@link XlsFileReader}, so a source of format xlsx takes either, as departments deliver them.
 *
 * <p>Merged header cells: XLSX stores the merge list after the cell data and fastexcel-reader
 * does not expose it, so a single streaming pass cannot know a merge before the header. The
 * value of a merged region is in its top-left cell and the other cells are blank; a blank
 * header cell is named by its column letter ({@code column_C}), so the header never shifts
 * and a source names the column under the merged title by its top-left text or that name.
 * Reading the merge list would need a second pass over the sheet part; it is not done.
 *
 * <p>The sheet's XML is parsed on a thread of its own ({@link PrefetchedSheetRows}) while this
 * thread appends the rows already parsed; everything the source's rules decide stays here.
 * Hidden rows come with the rows; hidden columns, which fastexcel-reader does not expose, from the
 * start of the sheet's part ({@link XlsxHiddenColumns}).
 */
final class XlsxFileReader implements SourceFileReader {

  @Override
  public void read(Connection connection, Path file, Source source) throws SQLException, FileRejectedException {
    if (WorkbookGuard.isOle2(file)) {
      new XlsFileReader().read(connection, file, source);
      return;
    }
    WorkbookGuard.check(file);
    // Cell formats are needed to tell a date (a serial number with a date format) from a number.
    // A workbook without a styles part (some generators write none) has no formats at all, and
    // fastexcel-reader cannot open it asking for them: every number there is a plain number.
    boolean formats = WorkbookGuard.hasStyles(file);
    try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(formats, false))) {
      Sheet sheet = findSheet(workbook, source);
      try (SheetRowSink sink = new SheetRowSink(connection, sheet.getName(), source, workbook.isDate1904());
          Stream<Row> rows = sheet.openStream();
          PrefetchedSheetRows parsed = new PrefetchedSheetRows(rows.iterator(), sheet.getName())) {
        for (XlsxHiddenColumns.Range hidden : XlsxHiddenColumns.of(file, sheet.getId())) {
          sink.hiddenColumns(hidden.first(), hidden.last());
        }
        for (PrefetchedSheetRows.SheetRow row = parsed.next(); row != null; row = parsed.next()) {
          if (row.hidden()) {
            sink.hidden(row.rowNumber());
          }
          sink.row(row.rowNumber(), row.texts(), row.kinds());
        }
        sink.finish(connection);
      }
    } catch (IOException | XMLStreamException | RuntimeException | StackOverflowError e) {
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

  private static String describe(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
