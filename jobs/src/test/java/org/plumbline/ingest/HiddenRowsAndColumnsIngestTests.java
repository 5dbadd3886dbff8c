package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plumbline.ingest.WorksheetRows.cells;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A workbook's hidden columns, and a legacy .xls workbook's hidden rows and columns: loaded like the
 * visible ones, as Excel keeps their figures, and the load says which, as it does for an XLSX
 * workbook's hidden rows (SourceDateFormatIngestTests); a hidden column no value comes from gets no word.
 */
class HiddenRowsAndColumnsIngestTests {

  private static final String SOURCES = """

      - id: board_metrics
        department: PROD
        kind: self_reported
        format: xlsx
        files: "Board_*"
        sheet: KPIs
        period: { column: Woche, grain: week }
        metrics:
          - { column: Units produced }
          - { column: Critical parts inspected, unit: fraction }

      - id: board_weeks
        department: PROD
        kind: self_reported
        format: xlsx
        files: "Wochen_*.xlsx"
        sheet: KPIs
        shape: periods_across
        metric_column: Kennzahl
        period: { grain: week }
    """;

  @RegisterExtension final IngestHome home = IngestHome.eachTest(SOURCES);

  @Test
  void aHiddenMetricColumnIsLoadedAndTheLoadNamesItsColumnAndSheet() throws Exception {
    // given a metric no longer reported, its column hidden rather than deleted
    byte[] workbook = xlsx(List.of(2), "Woche", "Units produced", "Critical parts inspected");

    // when
    FileOutcome outcome = home.load(home.deliver("Board_2025-01.xlsx", workbook));

    // then its figures are loaded as Excel keeps them, and the run's line and the delivery record say where
    String note = "1 column the workbook hides (column C 'Critical parts inspected' of sheet 'KPIs') was loaded"
        + " like the visible ones, as Excel keeps their figures: if a hidden column is no longer meant, delete it"
        + " and send the file again";
    assertThat(List.of(outcome.rowsLoaded(), outcome.rowsQuarantined())).containsExactly(2L, 0L);
    assertThat(home.query("select count(*) from raw_value where column_name = 'Critical parts inspected'"))
        .containsExactly(List.of(2L));
    assertThat(outcome.reason()).isEqualTo(note);
    assertThat(home.query("select reason from file_delivery")).containsExactly(List.of(note));
  }

  @Test
  void aHiddenWeekOfAPeriodsAcrossSheetIsLoadedAndTheLoadSaysSo() throws Exception {
    // given a week's column hidden, as a superseded figure is, between two visible weeks
    byte[] workbook = xlsx(List.of(2), "Kennzahl", "2025-01-06", "2025-01-13", "2025-01-20");

    // when
    FileOutcome outcome = home.load(home.deliver("Wochen_2025-01.xlsx", workbook));

    // then
    assertThat(home.query("select count(*) from raw_value")).containsExactly(List.of(6L));
    assertThat(outcome.reason()).isEqualTo("1 column the workbook hides (column C '2025-01-13' of sheet 'KPIs')"
        + " was loaded like the visible ones, as Excel keeps their figures: if a hidden column is no longer meant,"
        + " delete it and send the file again");
  }

  @Test
  void aHiddenColumnNoValueComesFromGetsNoNote() throws Exception {
    // given a helper column the source does not read, hidden as helper columns are
    byte[] workbook = xlsx(List.of(3), "Woche", "Units produced", "Critical parts inspected", "Hilfsspalte");

    // when
    FileOutcome outcome = home.load(home.deliver("Board_2025-02.xlsx", workbook));

    // then
    assertThat(List.of(outcome.rowsLoaded(), outcome.rowsQuarantined())).containsExactly(2L, 0L);
    assertThat(outcome.reason()).isNull();
  }

  @Test
  void aHiddenRowOfAnXlsWorkbookIsLoadedAndTheLoadSaysSo() throws Exception {
    // given a week's figure superseded by the row below it, and the old row hidden (zero height)
    byte[] workbook = xls(sheet -> sheet.getRow(2).setZeroHeight(true));

    // when
    FileOutcome outcome = home.load(home.deliver("Board_2025-03.xls", workbook));

    // then
    assertThat(outcome.rowsLoaded()).isEqualTo(3);
    assertThat(outcome.reason()).isEqualTo("1 row the workbook hides (row 3 of sheet 'KPIs') was loaded like the"
        + " visible ones, as Excel keeps their figures: if a hidden row is no longer meant, delete it and send the"
        + " file again");
  }

  @Test
  void aHiddenColumnOfAnXlsWorkbookIsLoadedAndTheLoadSaysSo() throws Exception {
    // given
    byte[] workbook = xls(sheet -> sheet.setColumnHidden(2, true));

    // when
    FileOutcome outcome = home.load(home.deliver("Board_2025-04.xls", workbook));

    // then
    assertThat(outcome.rowsLoaded()).isEqualTo(3);
    assertThat(outcome.reason()).isEqualTo("1 column the workbook hides (column C 'Critical parts inspected' of"
        + " sheet 'KPIs') was loaded like the visible ones, as Excel keeps their figures: if a hidden column is no"
        + " longer meant, delete it and send the file again");
  }

  @Test
  void aPreviewShowsWhatTheWorkbookHidesAmongItsNotes() throws Exception {
    // given an .xls workbook hiding a row and a column the source reads
    Path file = home.root().resolve("Board_preview.xls");
    Files.write(file, xls(sheet -> {
      sheet.getRow(2).setZeroHeight(true);
      sheet.setColumnHidden(2, true);
    }));
    StringWriter text = new StringWriter();

    // when
    boolean readable = new FilePreview(home.model).show(file, 5, new PrintWriter(text, true));

    // then both notes are shown, and nothing is loaded
    assertThat(readable).isTrue();
    assertThat(text.toString()).contains("== Notes\nnote\n1 row the workbook hides (row 3 of sheet 'KPIs') was"
        + " loaded like the visible ones, as Excel keeps their figures: if a hidden row is no longer meant, delete"
        + " it and send the file again; 1 column the workbook hides (column C 'Critical parts inspected' of sheet"
        + " 'KPIs') was loaded like the visible ones");
    assertThat(home.query("select count(*) from load_audit")).containsExactly(List.of(0L));
  }

  /** Sheet KPIs: the header, then two rows of numbers under the header's second and further columns. */
  private static byte[] xlsx(List<Integer> hiddenColumns, String... header) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook wb = new Workbook(out, "Excel", "1.0");
    Worksheet ws = wb.newWorksheet("KPIs");
    cells(ws, 0, (Object[]) header);
    boolean weeksDown = header[0].equals("Woche");
    for (int r = 1; r <= 2; r++) {
      ws.value(r, 0, weeksDown ? (r == 1 ? "2025-01-06" : "2025-01-13") : (r == 1 ? "Units produced" : "Scrap"));
      for (int c = 1; c < header.length; c++) {
        ws.value(r, c, header[c].startsWith("Critical") ? 0.9 + r / 100.0 : 1000 + 10 * r + c);
      }
    }
    hiddenColumns.forEach(ws::hideColumn);
    wb.finish();
    return out.toByteArray();
  }

  /** Sheet KPIs of an .xls workbook: weeks down, the first week twice (the second a correction). */
  private static byte[] xls(java.util.function.Consumer<Sheet> hide) throws Exception {
    try (HSSFWorkbook wb = new HSSFWorkbook()) {
      Sheet sheet = wb.createSheet("KPIs");
      Object[][] rows = {{"Woche", "Units produced", "Critical parts inspected"}, {"2025-01-06", 1200, 0.98},
          {"2025-01-13", 1250, 0.97}, {"2025-01-13", 1300, 0.99}};
      for (int r = 0; r < rows.length; r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          if (rows[r][c] instanceof Number n) {
            row.createCell(c).setCellValue(n.doubleValue());
          } else {
            row.createCell(c).setCellValue((String) rows[r][c]);
          }
        }
      }
      hide.accept(sheet);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    }
  }
}
