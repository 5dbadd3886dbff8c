package org.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/** Reads a report workbook back with fastexcel-reader and holds every sheet against its warehouse table. */
public final class WorkbookReadBack {

  private WorkbookReadBack() {}

  /** The sheet names in order. */
  public static List<String> sheetNames(Path workbook) throws Exception {
    try (InputStream in = Files.newInputStream(workbook); ReadableWorkbook book = new ReadableWorkbook(in)) {
      return book.getSheets().map(Sheet::getName).toList();
    }
  }

  /**
   * Asserts that sheet {@code sheetName} holds exactly the rows of {@code table}, cell by cell:
   * the header is the column names, numbers are number cells, dates are date-formatted numbers.
   * Returns the data rows compared.
   */
  public static int assertSheetEqualsTable(Path workbook, String sheetName, Connection duckdb, String table)
      throws Exception {
    List<List<Object>> expected = new ArrayList<>();
    List<String> header = new ArrayList<>();
    try (PreparedStatement q = duckdb.prepareStatement("select * from query_table(?)")) {
      q.setString(1, table);
      try (ResultSet r = q.executeQuery()) {
        ResultSetMetaData m = r.getMetaData();
        for (int c = 1; c <= m.getColumnCount(); c++) {
          header.add(m.getColumnLabel(c));
        }
        while (r.next()) {
          List<Object> row = new ArrayList<>();
          for (int c = 1; c <= m.getColumnCount(); c++) {
            row.add(r.getObject(c));
          }
          expected.add(row);
        }
      }
    }
    try (InputStream in = Files.newInputStream(workbook);
        ReadableWorkbook book = new ReadableWorkbook(in, new ReadingOptions(true, false))) {
      Sheet sheet = book.getSheets().filter(s -> s.getName().equals(sheetName)).findFirst().orElseThrow();
      List<Row> rows = sheet.read();
      assertThat(rows).as("rows of sheet %s", sheetName).hasSize(expected.size() + 1);
      for (int c = 0; c < header.size(); c++) {
        assertThat(rows.get(0).getCell(c).asString()).isEqualTo(header.get(c));
      }
      for (int i = 0; i < expected.size(); i++) {
        Row row = rows.get(i + 1);
        for (int c = 0; c < header.size(); c++) {
          Object want = expected.get(i).get(c);
          Cell cell = row.getCellCount() > c ? row.getCell(c) : null;
          String where = sheetName + " row " + (i + 2) + " column " + header.get(c);
          if (want == null) {
            assertThat(cell == null || cell.getType() == CellType.EMPTY).as(where).isTrue();
          } else if (want instanceof Number n) {
            assertThat(cell.getType()).as(where).isEqualTo(CellType.NUMBER);
            assertThat(cell.asNumber()).as(where).isEqualByComparingTo(new BigDecimal(n.toString()));
          } else if (want instanceof LocalDate d) {
            assertThat(cell.getType()).as(where).isEqualTo(CellType.NUMBER);
            assertThat(cell.getDataFormatString()).as(where).isEqualTo("yyyy-mm-dd");
            assertThat(cell.asDate()).as(where).isEqualTo(d.atStartOfDay());
          } else if (want instanceof Timestamp t) {
            assertThat(cell.getType()).as(where).isEqualTo(CellType.NUMBER);
            assertThat(cell.asDate()).as(where).isEqualTo(t.toLocalDateTime().withNano(0));
          } else if (want instanceof Boolean b) {
            assertThat(cell.asBoolean()).as(where).isEqualTo(b);
          } else {
            assertThat(cell.asString()).as(where).isEqualTo(want.toString());
          }
        }
      }
    }
    return expected.size();
  }

  /** Whether the sheet's first row is frozen (read from the sheet's XML: the reader does not expose panes). */
  public static boolean headerFrozen(Path workbook, int sheetIndex) throws Exception {
    try (ZipFile zip = new ZipFile(workbook.toFile())) {
      String xml = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet" + (sheetIndex + 1) + ".xml"))
          .readAllBytes(), StandardCharsets.UTF_8);
      return xml.contains("ySplit=\"1\"") && xml.contains("state=\"frozen\"");
    }
  }
}
