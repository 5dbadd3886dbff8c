package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.plumbline.ingest.WorksheetRows.cells;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.governance.ConfigInvalidException;
import org.plumbline.governance.ConfigProblem;
import org.plumbline.system.PlumblineHome;

/** Tables on one sheet whose header is found by the columns they read, and whose dates are written their own way. */
class SheetTableHeaderAndDateIngestTests {

  /** The early shift's header is below its title and a note; the late shift has no title at all. */
  private static final String AUTO = """

      - id: plant_auto
        department: PROD
        kind: self_reported
        format: xlsx
        files: "Auto_*.xlsx"
        period: { column: Week starting, grain: week }
        metrics:
          - { column: Units produced }
        tables:
          - { name: early, title: Early shift, header_row: auto }
          - { name: late, header_row: auto, period: { column: KW }, attributes: { lot_id: Lot } }
    """;

  /** The German table writes its weeks as 06.01.2025, the export table below it as ISO dates. */
  private static final String DATES = """

      - id: plant_dates
        department: PROD
        kind: self_reported
        format: xlsx
        files: "Dates_*.xlsx"
        period: { column: Week starting, grain: week }
        metrics:
          - { column: Units produced }
        tables:
          - { name: werk, title: Werk, period: { column: Woche ab }, date_format: "%d.%m.%Y" }
          - { name: export, title: Export }
    """;

  @TempDir Path root;

  @Test
  void eachTablesHeaderIsTheFirstRowNamingEveryColumnItReads() throws Exception {
    // given
    try (IngestHome home = new IngestHome(root, AUTO)) {
      Path file = home.home.inbox().resolve("Auto_2025-W03.xlsx");
      writeAuto(file, "Lot");

      // when
      FileOutcome outcome = home.load(file);

      // then: the note below the early shift's title is not its header; the late shift's header is found after the blank row
      assertThat(outcome.kind()).as(outcome.reason()).isEqualTo(FileOutcome.Kind.LOADED);
      assertThat(List.of(outcome.rowsRead(), outcome.rowsLoaded(), outcome.rowsSkipped(), outcome.rowsQuarantined()))
          .containsExactly(4L, 4L, 0L, 0L);
      assertThat(home.query("select table_name, header_row, column_names, period_position, lot_id_position"
          + " from raw_sheet order by header_row"))
          .containsExactly(
              Arrays.asList("early", 4, List.of("Week starting", "Units produced"), 1, null),
              List.of("late", 9, List.of("KW", "Lot", "Units produced"), 1, 2));
      assertThat(home.query("select table_name, row_number, period_date::varchar, value, lot_id from raw_value"
          + " order by row_number"))
          .containsExactly(
              Arrays.asList("early", 5, "2025-01-06", 1200.0, null),
              Arrays.asList("early", 6, "2025-01-13", 1250.0, null),
              List.of("late", 10, "2025-01-06", 1100.0, "L-7"),
              List.of("late", 11, "2025-01-13", 1300.0, "L-8"));
    }
  }

  @Test
  void aTableWhoseHeaderIsNeverFoundRejectsTheFileNamingTheColumnsLookedFor() throws Exception {
    // given: the late shift's header says "Charge" where the source reads "Lot"
    try (IngestHome home = new IngestHome(root, AUTO)) {
      Path file = home.home.inbox().resolve("Auto_2025-W04.xlsx");
      writeAuto(file, "Charge");

      // when
      FileOutcome outcome = home.load(file);

      // then
      assertThat(outcome.kind()).isEqualTo(FileOutcome.Kind.REJECTED);
      assertThat(outcome.reason()).isEqualTo("The sheet 'Shifts' has no table 'late': no row below table 'early'"
          + " names the columns [KW, Units produced, Lot] (header_row: auto) (sources.yml: tables of source"
          + " 'plant_auto').");
      assertThat(home.query("select count(*) from load_audit")).containsExactly(List.of(0L));
    }
  }

  @Test
  void aTitledTableWhoseHeaderIsNeverFoundRejectsTheFileNamingTheColumnsLookedFor() throws Exception {
    // given: the early shift's header says "Week" where the source reads "Week starting"
    try (IngestHome home = new IngestHome(root, AUTO)) {
      Path file = home.home.inbox().resolve("Auto_2025-W05.xlsx");
      try (OutputStream out = Files.newOutputStream(file)) {
        Workbook wb = new Workbook(out, "Excel", "1.0");
        Worksheet ws = wb.newWorksheet("Shifts");
        ws.value(0, 0, "Early shift");
        cells(ws, 1, "Week", "Units produced");
        cells(ws, 2, "2025-01-06", 1200);
        wb.finish();
      }

      // when
      FileOutcome outcome = home.load(file);

      // then
      assertThat(outcome.kind()).isEqualTo(FileOutcome.Kind.REJECTED);
      assertThat(outcome.reason()).isEqualTo("The sheet 'Shifts' has the title of table 'early' in row 1 but no"
          + " header row below it that names the columns [Week starting, Units produced] (header_row: auto)"
          + " (sources.yml: tables of source 'plant_auto').");
    }
  }

  @Test
  void eachTableTypesItsPeriodTextsInItsOwnDateFormat() throws Exception {
    // given: both tables write their weeks as text, one as 06.01.2025, one as 2025-01-13
    try (IngestHome home = new IngestHome(root, DATES)) {
      Path file = home.home.inbox().resolve("Dates_2025-W03.xlsx");
      try (OutputStream out = Files.newOutputStream(file)) {
        Workbook wb = new Workbook(out, "Excel", "1.0");
        Worksheet ws = wb.newWorksheet("Weeks");
        ws.value(0, 0, "Werk");                                                     // row 1
        cells(ws, 1, "Woche ab", "Units produced");                                 // row 2
        cells(ws, 2, "06.01.2025", 1200);
        cells(ws, 3, "13.01.2025", 1250);
        ws.value(5, 0, "Export");                                                   // row 6
        cells(ws, 6, "Week starting", "Units produced");                            // row 7
        cells(ws, 7, "2025-01-13", 900);
        cells(ws, 8, "20.01.2025", 950);                                            // not ISO: not this table's format
        wb.finish();
      }

      // when
      FileOutcome outcome = home.load(file);

      // then: the German dates are typed by the table's format; the export table reads ISO dates only
      assertThat(outcome.kind()).as(outcome.reason()).isEqualTo(FileOutcome.Kind.LOADED);
      assertThat(List.of(outcome.rowsRead(), outcome.rowsLoaded(), outcome.rowsSkipped(), outcome.rowsQuarantined()))
          .containsExactly(4L, 3L, 0L, 1L);
      assertThat(home.query("select table_name, row_number, period_text, period_date::varchar, value from raw_value"
          + " order by row_number"))
          .containsExactly(
              List.of("werk", 3, "06.01.2025", "2025-01-06", 1200.0),
              List.of("werk", 4, "13.01.2025", "2025-01-13", 1250.0),
              List.of("export", 8, "2025-01-13", "2025-01-13", 900.0));
      assertThat(home.query("select table_name, row_number, reason from raw_quarantine"))
          .containsExactly(List.of("export", 9,
              "The period \"20.01.2025\" in column \"Week starting\" is not a date."));
    }
  }

  @Test
  void anUnknownDateFormatInATableIsReportedWithFileLineAndKey() throws Exception {
    // given
    String bad = DATES.replace("%d.%m.%Y", "DD.MM.YYYY");

    // when
    ConfigInvalidException invalid = catchThrowableOfType(ConfigInvalidException.class,
        () -> new IngestHome(root, bad));

    // then
    List<String> written = Files.readAllLines(new PlumblineHome(root).governance().resolve("sources.yml"));
    int id = written.indexOf("  - id: plant_dates") + 1;
    assertThat(invalid).isNotNull();
    assertThat(invalid.problems())
        .extracting(p -> p.file().getFileName().toString(), ConfigProblem::line, ConfigProblem::key)
        .containsExactly(tuple("sources.yml", id + 9, "sources[plant_dates].tables[0].date_format"));
    assertThat(invalid.problems().get(0).message()).isEqualTo("'date_format' must be one of %Y-%m-%d, %d.%m.%Y,"
        + " %d.%m.%y, %d/%m/%Y, %m/%d/%Y, %d-%m-%Y, %Y/%m/%d, %Y%m%d (or left out for ISO dates such as 2025-01-31),"
        + " but it is 'DD.MM.YYYY'.");
  }

  private static void writeAuto(Path file, String lotHeader) throws Exception {
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(out, "Excel", "1.0");
      Worksheet ws = wb.newWorksheet("Shifts");
      ws.value(0, 0, "Werk Nord: shifts");                                          // row 1: above the first table
      ws.value(1, 0, "Early shift");                                                // row 2: its title
      ws.value(2, 0, "Counted in pieces, one row a week");                          // row 3: a note, not the header
      cells(ws, 3, "Week starting", "Units produced");                              // row 4: the header
      cells(ws, 4, "2025-01-06", 1200);
      cells(ws, 5, "2025-01-13", 1250);
      cells(ws, 8, "KW", lotHeader, "Units produced");                              // row 9, after blank rows 7-8
      cells(ws, 9, "2025-01-06", "L-7", 1100);
      cells(ws, 10, "2025-01-13", "L-8", 1300);
      wb.finish();
    }
  }
}
