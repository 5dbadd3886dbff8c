package org.plumbline.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.eventusermodel.MissingRecordAwareHSSFListener;
import org.apache.poi.hssf.eventusermodel.dummyrecord.LastCellOfRowDummyRecord;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.ColumnInfoRecord;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.RowRecord;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.plumbline.governance.Source;

/**
 * Legacy Excel workbooks (.xls, BIFF8), read with Apache POI's HSSF event API: records stream
 * past once and only the current row is held (plus the shared-string table, which the format
 * puts first), never the whole workbook. Cells become the same text as {@link XlsxCellText}
 * makes of an XLSX cell, into the same {@link SheetRowSink}: numbers in full precision, dates
 * as ISO dates in the workbook's date system (1900 or 1904), formulas by their cached value,
 * and each cell's {@link CellKind} (a percentage, a duration, text…) beside it; hidden rows and
 * columns are read like the others and told to the sink, as the XLSX reader does.
 * Password-protected and Excel 95 or older workbooks are rejected, saying so.
 */
final class XlsFileReader implements SourceFileReader {

  @Override
  public void read(Connection connection, Path file, Source source) throws SQLException, FileRejectedException {
    try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
      if (fs.getRoot().hasEntryCaseInsensitive("EncryptedPackage")) {
        throw new FileRejectedException("It is a password-protected (encrypted) Excel workbook, which Plumbline"
            + " cannot open; remove the password in Excel (File > Info > Protect Workbook), save it and deliver"
            + " that.");
      }
      if (!fs.getRoot().hasEntryCaseInsensitive("Workbook") && fs.getRoot().hasEntryCaseInsensitive("Book")) {
        throw new OldExcelFormatException("BIFF5");
      }
      if (!fs.getRoot().hasEntryCaseInsensitive("Workbook")) {
        throw new FileRejectedException("It is an Office file without a workbook inside (perhaps a Word or"
            + " PowerPoint document given a workbook's name); deliver the Excel workbook.");
      }
      SheetListener listener = new SheetListener(connection, source);
      FormatTrackingHSSFListener formats = new FormatTrackingHSSFListener(listener);
      listener.formats = formats;
      HSSFRequest request = new HSSFRequest();
      request.addListenerForAllRecords(new MissingRecordAwareHSSFListener(formats));
      try {
        new HSSFEventFactory().processWorkbookEvents(request, fs);
        listener.finish();
      } finally {
        listener.close();
      }
    } catch (ListenerFailure e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw (FileRejectedException) e.getCause();
    } catch (EncryptedDocumentException e) {
      throw new FileRejectedException("It is a password-protected Excel workbook, which Plumbline cannot open;"
          + " remove the password in Excel (File > Info > Protect Workbook), save it and deliver that.", e);
    } catch (OldExcelFormatException e) {
      throw new FileRejectedException("It is a workbook from Excel 95 or older, a format Plumbline does not read;"
          + " open it in Excel, save it as an Excel Workbook (*.xlsx) and deliver that.", e);
    } catch (IOException | RuntimeException | StackOverflowError e) {
      throw new FileRejectedException("It is not a readable Excel (.xls) workbook: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }
  }

  /** Carries a checked failure out of POI's listener callback, which cannot throw one. */
  private static final class ListenerFailure extends RuntimeException {
    ListenerFailure(Exception cause) {
      super(cause);
    }
  }

  /** Follows the record stream: the workbook's globals, then each sheet's cells in row order. */
  private static final class SheetListener implements HSSFListener {
    private final Connection connection;
    private final Source source;
    FormatTrackingHSSFListener formats;
    private final List<BoundSheetRecord> sheets = new ArrayList<>();
    private BoundSheetRecord[] sheetsInOrder;
    private SSTRecord strings;
    private boolean date1904;
    private int sheetIndex = -1;
    private SheetRowSink sink;
    private boolean sinkDone;
    private final List<String> row = new ArrayList<>();
    private final StringBuilder kinds = new StringBuilder(); // the row's CellKinds, as XlsxCellText gives them
    private char kind;                                       // the kind of the cell being read
    private int pendingStringColumn = -1;

    SheetListener(Connection connection, Source source) {
      this.connection = connection;
      this.source = source;
    }

    @Override
    public void processRecord(Record record) {
      try {
        handle(record);
      } catch (SQLException | FileRejectedException e) {
        throw new ListenerFailure(e);
      }
    }

    private void handle(Record record) throws SQLException, FileRejectedException {
      // A password-protected workbook (FilePassRecord) is decrypted by POI only when it uses the
      // default password, i.e. Excel opens it without asking; otherwise POI throws
      // EncryptedDocumentException, which rejects the file.
      if (record instanceof BoundSheetRecord b) {
        sheets.add(b);
      } else if (record instanceof SSTRecord s) {
        strings = s;
      } else if (record instanceof DateWindow1904Record w) {
        date1904 = w.getWindowing() == 1;
      } else if (record instanceof BOFRecord bof && bof.getType() == BOFRecord.TYPE_WORKSHEET) {
        startSheet();
      } else if (sink != null) {
        hiddenRowOrColumns(record);
        cell(record);
      }
    }

    /** A row Excel hides has zero height; a range of hidden columns is a hidden COLINFO (both 0-based). */
    private void hiddenRowOrColumns(Record record) throws SQLException {
      if (record instanceof RowRecord r && r.getZeroHeight()) {
        sink.hidden(r.getRowNumber() + 1);
      } else if (record instanceof ColumnInfoRecord c && c.getHidden()) {
        sink.hiddenColumns(c.getFirstColumn() + 1, c.getLastColumn() + 1);
      }
    }

    private void startSheet() throws SQLException, FileRejectedException {
      sheetIndex++;
      endSheet();
      if (sheetsInOrder == null) {
        sheetsInOrder = BoundSheetRecord.orderByBofPosition(sheets);
      }
      String name = sheetIndex < sheetsInOrder.length ? sheetsInOrder[sheetIndex].getSheetname() : "Sheet" + (sheetIndex + 1);
      boolean wanted = source.sheet() == null ? !sinkDone && sheetIndex == 0 : source.sheet().equals(name);
      if (wanted && !sinkDone) {
        sink = new SheetRowSink(connection, name, source, date1904);
      }
    }

    private void endSheet() throws SQLException, FileRejectedException {
      if (sink != null) {
        sink.finish(connection);
        sink.close();
        sink = null;
        sinkDone = true;
      }
    }

    private void cell(Record record) throws SQLException, FileRejectedException {
      if (record instanceof LastCellOfRowDummyRecord last) {
        int length = kinds.length();
        while (length > 0 && kinds.charAt(length - 1) == CellKind.NUMBER) {
          length--;
        }
        sink.row(last.getRow() + 1, new ArrayList<>(row), kinds.substring(0, length));
        row.clear();
        kinds.setLength(0);
        return;
      }
      if (record instanceof StringRecord s && pendingStringColumn >= 0) {
        kind = CellKind.TEXT;
        put(pendingStringColumn, s.getString());
        pendingStringColumn = -1;
        return;
      }
      if (!(record instanceof CellValueRecordInterface cell)) {
        return;
      }
      String text = null;
      kind = CellKind.TEXT;
      if (record instanceof NumberRecord n) {
        text = number(n, n.getValue());
      } else if (record instanceof LabelSSTRecord l) {
        text = strings == null ? null : strings.getString(l.getSSTIndex()).getString();
      } else if (record instanceof LabelRecord l) {
        text = l.getValue();
      } else if (record instanceof BoolErrRecord b) {
        text = b.isBoolean() ? (b.getBooleanValue() ? "TRUE" : "FALSE") : FormulaError.forInt(b.getErrorValue()).getString();
      } else if (record instanceof FormulaRecord f) {
        text = formula(f);
      }
      put(cell.getColumn(), text);
    }

    /** A formula's cached value, as Excel last computed it; a text result follows in a StringRecord. */
    private String formula(FormulaRecord f) {
      CellType type = f.getCachedResultTypeEnum();
      return switch (type) {
        case NUMERIC -> number(f, f.getValue());
        case STRING -> {
          pendingStringColumn = f.getColumn();
          yield null;
        }
        case BOOLEAN -> f.getCachedBooleanValue() ? "TRUE" : "FALSE";
        case ERROR -> FormulaError.forInt(f.getCachedErrorValue()).getString();
        default -> null;
      };
    }

    /** A number's text and kind, as {@link XlsxCellText} gives them: a date as an ISO date, a duration as its number. */
    private String number(CellValueRecordInterface cell, double value) {
      kind = CellKind.ofNumberFormat(formats.getFormatIndex(cell), formats.getFormatString(cell));
      if (kind == CellKind.DATE && !DateUtil.isValidExcelDate(value)) {
        kind = CellKind.OTHER;
      }
      if (kind == CellKind.DATE) {
        LocalDateTime date = DateUtil.getLocalDateTime(value, date1904);
        return date.toLocalTime().toSecondOfDay() == 0 ? date.toLocalDate().toString() : date.toString();
      }
      return NumberToTextConverter.toText(value);
    }

    private void put(int column, String text) {
      while (row.size() <= column) {
        row.add(null);
      }
      row.set(column, text);
      while (kinds.length() <= column) {
        kinds.append(CellKind.NUMBER);
      }
      kinds.setCharAt(column, text == null ? CellKind.NUMBER : kind);
    }

    void finish() throws SQLException, FileRejectedException {
      endSheet();
      if (!sinkDone) {
        List<String> names = sheetsInOrder == null ? List.of()
            : java.util.Arrays.stream(sheetsInOrder).map(BoundSheetRecord::getSheetname).toList();
        throw new FileRejectedException(source.sheet() == null ? "The workbook has no worksheet."
            : "The workbook has no sheet named '" + source.sheet() + "' (sources.yml: sheet of source '"
                + source.id() + "'); its sheets are " + names + ".");
      }
    }

    void close() throws SQLException {
      if (sink != null) {
        sink.close();
      }
    }
  }
}
