package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A workbook's cell texts reach the ledger exactly as read, whatever characters they hold: the
 * readers hand rows to DuckDB as one encoded text a row (JoinedFields, sheet_rows.sql), and the
 * characters that encoding uses (U+0000, U+0001, U+0002) may occur in a legacy .xls cell.
 */
class WorkbookCellTextTests {

  private static final String SOURCES = """

      - { id: cell_texts, system: TEXTS, kind: system_of_record, format: xlsx, files: "cell_texts*.xls",
          shape: rows_only, header_row: 1 }
    """;

  @RegisterExtension final IngestHome home = IngestHome.eachTest(SOURCES);

  @Test
  void controlCharactersEscapeLookalikesBlankAndEmptyCellsComeBackExactly() throws Exception {
    // given cells holding the encoding's own characters, texts that look like its escapes,
    // blank cells between and after texts, and a cell that is an empty text
    String[] tricky = {"a\u0000b", "\u0001", "\u0002", "\u0002a", "x\u0002by\u0002c", null, "", "plain"};
    Path file = home.deliver("cell_texts.xls", workbook(tricky));

    // when
    FileOutcome outcome = home.load(file);

    // then the row is loaded and its fields are the cells, one for one
    assertThat(outcome.reason()).isNull();
    assertThat(outcome.rowsLoaded()).isEqualTo(2);
    List<List<Object>> rows = home.query("select fields from raw_record order by row_number");
    assertThat(fields(rows.get(0))).containsExactly((Object[]) tricky);
    assertThat(fields(rows.get(1))).containsExactly("only the first", null, null, null, null, null, null, null);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> fields(List<Object> row) {
    return (List<Object>) row.get(0);
  }

  private static byte[] workbook(String[] texts) throws Exception {
    try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("Texts");
      Row header = sheet.createRow(0);
      for (int c = 0; c < texts.length; c++) {
        header.createCell(c).setCellValue("c" + (c + 1));
      }
      Row row = sheet.createRow(1);
      for (int c = 0; c < texts.length; c++) {
        if (texts[c] != null) {
          row.createCell(c).setCellValue(texts[c]);
        }
      }
      sheet.createRow(2).createCell(0).setCellValue("only the first");
      wb.write(out);
      return out.toByteArray();
    }
  }
}
