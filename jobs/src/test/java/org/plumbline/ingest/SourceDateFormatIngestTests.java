package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.plumbline.ingest.WorksheetRows.cells;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.governance.ConfigInvalidException;
import org.plumbline.governance.ConfigProblem;
import org.plumbline.system.PlumblineHome;

/**
 * A source's own {@code date_format} reads period dates typed as text in any format of file:
 * a workbook whose dates were typed as text, a JSON export. Without it only ISO dates are
 * dates, so the same text is quarantined with its reason.
 */
class SourceDateFormatIngestTests {

  private static final String SOURCES = """

      - { id: typed_dates, system: PLANT, kind: system_of_record, format: xlsx, files: "typed_dates_*.xlsx",
          date_format: "%d.%m.%Y", period: { column: Datum, grain: day },
          metrics: [{ column: Stück, name: units }] }
      - { id: iso_dates, system: PLANT, kind: system_of_record, format: xlsx, files: "iso_dates_*.xlsx",
          period: { column: Datum, grain: day }, metrics: [{ column: Stück, name: units }] }
      - { id: json_dates, system: PLANT, kind: system_of_record, format: json, files: "json_dates_*.json",
          date_format: "%m/%d/%Y", shape: metric_per_row, metric_column: measure, value_column: value,
          period: { column: day, grain: day } }
    """;

  @TempDir Path root;

  @Test
  void aWorkbookWhoseDatesAreTypedAsTextIsReadWithTheSourcesDateFormat() throws Exception {
    try (IngestHome home = new IngestHome(root, SOURCES)) {
      // given the same rows, dates typed as German text, under a source with the format and one without
      // (in workbooks of different titles: the same bytes twice would be one file delivered twice)

      // when
      FileOutcome typed = home.load(home.deliver("typed_dates_2025-01.xlsx", workbook("Woche")));
      FileOutcome iso = home.load(home.deliver("iso_dates_2025-01.xlsx", workbook("Woche 2")));

      // then the first reads both dates; the second quarantines both rows, saying why
      assertThat(List.of(typed.rowsLoaded(), typed.rowsQuarantined())).containsExactly(2L, 0L);
      assertThat(home.query("select row_number, period_text, period_date::varchar, value from raw_value"
          + " where load_id = ? order by row_number", typed.loadId()))
          .containsExactly(List.of(2, "06.01.2025", "2025-01-06", 1200.0), List.of(3, "13.01.2025", "2025-01-13", 1250.0));
      assertThat(List.of(iso.rowsLoaded(), iso.rowsQuarantined())).containsExactly(0L, 2L);
      assertThat(home.query("select distinct reason from raw_quarantine where load_id = ?", iso.loadId()))
          .containsExactly(List.of("The period \"06.01.2025\" in column \"Datum\" is not a date."),
              List.of("The period \"13.01.2025\" in column \"Datum\" is not a date."));
    }
  }

  @Test
  void anEmptyPeriodUnderAMergedCellIsQuarantinedSayingWhatToDo() throws Exception {
    try (IngestHome home = new IngestHome(root, SOURCES)) {
      // given a date merged over two rows: Excel keeps it in the first row only
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Workbook wb = new Workbook(out, "Excel", "1.0");
      Worksheet ws = wb.newWorksheet("Woche");
      cells(ws, 0, "Datum", "Stück");
      cells(ws, 1, "06.01.2025", 1200);
      cells(ws, 2, null, 1250);
      ws.range(1, 0, 2, 0).merge();
      wb.finish();

      // when
      home.load(home.deliver("typed_dates_2025-01.xlsx", out.toByteArray()));

      // then
      assertThat(home.query("select row_number, reason from raw_quarantine")).containsExactly(List.of(3,
          "The period in column \"Datum\" is empty. If this row is under a cell merged over several rows, only the"
              + " merge's first row holds its period: unmerge the cells and fill in each row's period."));
    }
  }

  @Test
  void aRowTheWorkbookHidesIsLoadedAndTheLoadSaysSo() throws Exception {
    try (IngestHome home = new IngestHome(root, SOURCES)) {
      // given a week's figure superseded by the row below it and hidden, as people keep old figures
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Workbook wb = new Workbook(out, "Excel", "1.0");
      Worksheet ws = wb.newWorksheet("Woche");
      cells(ws, 0, "Datum", "Stück");
      cells(ws, 1, "06.01.2025", 1200);
      cells(ws, 2, "13.01.2025", 1250);
      cells(ws, 3, "13.01.2025", 1300);
      ws.hideRow(2);
      wb.finish();

      // when
      FileOutcome outcome = home.load(home.deliver("typed_dates_2025-01.xlsx", out.toByteArray()));

      // then it is loaded as Excel keeps it, and the run's line, the log and the delivery record say which row
      String note = "1 row the workbook hides (row 3 of sheet 'Woche') was loaded like the visible ones, as Excel"
          + " keeps their figures: if a hidden row is no longer meant, delete it and send the file again";
      assertThat(outcome.rowsLoaded()).isEqualTo(3);
      assertThat(outcome.reason()).isEqualTo(note);
      assertThat(home.query("select reason from file_delivery")).containsExactly(List.of(note));
    }
  }

  @Test
  void aJsonExportWithAmericanDatesIsReadWithTheSourcesDateFormat() throws Exception {
    try (IngestHome home = new IngestHome(root, SOURCES)) {
      // given
      Path file = home.deliver("json_dates_2025-01.json", """
          [{"day": "01/06/2025", "measure": "units", "value": 1200},
           {"day": "01/13/2025", "measure": "units", "value": 1250}]
          """);

      // when
      FileOutcome outcome = home.load(file);

      // then
      assertThat(List.of(outcome.rowsLoaded(), outcome.rowsQuarantined())).containsExactly(2L, 0L);
      assertThat(home.query("select period_date::varchar, value from raw_value order by period_date"))
          .containsExactly(List.of("2025-01-06", 1200.0), List.of("2025-01-13", 1250.0));
    }
  }

  @Test
  void aDateFormatGivenTwiceOrUnknownIsReportedWithFileLineAndKey() throws Exception {
    // given a csv source with a date format in its csv block and beside it, and an unknown one
    String bad = """

        - { id: twice, system: PLANT, kind: system_of_record, format: csv, files: "twice_*.csv",
            csv: { delimiter: ";", date_format: "%d.%m.%Y" }, date_format: "%d.%m.%Y",
            period: { column: Datum, grain: day }, metrics: [{ column: Stück, name: units }] }
        - { id: unknown, system: PLANT, kind: system_of_record, format: xlsx, files: "unknown_*.xlsx",
            date_format: "DD.MM.YYYY", period: { column: Datum, grain: day },
            metrics: [{ column: Stück, name: units }] }
      """;

    // when
    ConfigInvalidException invalid = catchThrowableOfType(ConfigInvalidException.class,
        () -> new IngestHome(root, bad));

    // then
    List<String> written = Files.readAllLines(new PlumblineHome(root).governance().resolve("sources.yml"));
    int twice = written.indexOf("  - { id: twice, system: PLANT, kind: system_of_record, format: csv, files: \"twice_*.csv\",") + 1;
    assertThat(invalid).isNotNull();
    assertThat(invalid.problems())
        .extracting(p -> p.file().getFileName().toString(), ConfigProblem::line, ConfigProblem::key,
            ConfigProblem::message)
        .containsExactly(
            tuple("sources.yml", twice + 1, "sources[twice].date_format", "The date format is given twice, as"
                + " 'date_format' and as the csv block's 'date_format'; keep one."),
            tuple("sources.yml", twice + 4, "sources[unknown].date_format", "'date_format' must be one of %Y-%m-%d,"
                + " %d.%m.%Y, %d.%m.%y, %d/%m/%Y, %m/%d/%Y, %d-%m-%Y, %Y/%m/%d, %Y%m%d (or left out for ISO dates"
                + " such as 2025-01-31), but it is 'DD.MM.YYYY'."));
  }

  private static byte[] workbook(String sheetName) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook wb = new Workbook(out, "Excel", "1.0");
    Worksheet ws = wb.newWorksheet(sheetName);
    cells(ws, 0, "Datum", "Stück");
    cells(ws, 1, "06.01.2025", 1200);
    cells(ws, 2, "13.01.2025", 1250);
    wb.finish();
    return out.toByteArray();
  }
}
