package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.plumbline.ingest.WorksheetRows.cells;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.governance.ConfigInvalidException;
import org.plumbline.governance.ConfigProblem;
import org.plumbline.reconcile.ReconcileTasklet;
import org.plumbline.system.ExampleConfig;
import org.plumbline.system.PlumblineHome;

/** Tables on one sheet read each in its own way: shape, period, attributes and layout rule per table. */
class SheetTablesReadingIngestTests {

  /** A weekly table with a column per metric above a monthly table with the months across its columns. */
  private static final String DASHBOARD = """

      - id: plant_dashboard
        department: PROD
        kind: self_reported
        format: xlsx
        files: "Dashboard_*.xlsx"
        sheet: Board
        period: { column: Week, grain: week }
        tables:
          - name: weekly
            title: Weekly
            metrics:
              - { column: Units produced }
              - { column: Scrap cost (EUR) }
          - name: monthly
            title: Monthly
            shape: periods_across
            metric_column: KPI
            period: { grain: month }
    """;

  /** Two tables whose period columns are named differently; the second has its own lot column and totals rule. */
  private static final String SHIFTS = """

      - id: plant_shifts
        department: PROD
        kind: self_reported
        format: xlsx
        files: "Shifts_*.xlsx"
        period: { column: Week starting, grain: week }
        metrics:
          - { column: Units produced }
        tables:
          - name: early
            title: Early shift
          - name: late
            title: Late shift
            period: { column: KW }
            attributes: { lot_id: Lot }
            skip_rows: { column: KW, matches: "^Total$" }
    """;

  @TempDir Path root;

  @Test
  void aWeeklyTableAboveAMonthlyTableWithPeriodsAcrossLoadsBoth() throws Exception {
    // given: figures compared per month, and a sheet with a weekly and a monthly table (its Total column is no period)
    PlumblineHome plumbline = new PlumblineHome(root);
    ExampleConfig.writeIfAbsent(plumbline);
    Path calendar = plumbline.governance().resolve("calendar.yml");
    Files.writeString(calendar, Files.readString(calendar).replace("common_grain: week", "common_grain: month"));
    try (IngestHome home = new IngestHome(root, DASHBOARD)) {
      Path file = home.home.inbox().resolve("Dashboard_2025-02.xlsx");
      writeDashboard(file);

      // when
      FileOutcome outcome = home.load(file);

      // then: 4 data rows read and loaded, none quarantined
      assertThat(outcome.kind()).isEqualTo(FileOutcome.Kind.LOADED);
      assertThat(List.of(outcome.rowsRead(), outcome.rowsLoaded(), outcome.rowsSkipped(), outcome.rowsQuarantined()))
          .containsExactly(4L, 4L, 0L, 0L);
      assertThat(home.query("select table_name, header_row, shape, period_position from raw_sheet order by header_row"))
          .containsExactly(List.of("weekly", 3, "column_per_metric", 1), Arrays.asList("monthly", 8, "periods_across", null));
      assertThat(home.query("select table_name, row_number, column_name, metric_name, period_text,"
          + " period_date::varchar, value from raw_value order by row_number, column_name"))
          .containsExactly(
              List.of("weekly", 4, "Scrap cost (EUR)", "Scrap cost (EUR)", "2025-01-06", "2025-01-06", 500.0),
              List.of("weekly", 4, "Units produced", "Units produced", "2025-01-06", "2025-01-06", 1200.0),
              List.of("weekly", 5, "Scrap cost (EUR)", "Scrap cost (EUR)", "2025-01-13", "2025-01-13", 700.0),
              List.of("weekly", 5, "Units produced", "Units produced", "2025-01-13", "2025-01-13", 1250.0),
              List.of("monthly", 9, "2025-01-01", "Units produced", "2025-01-01", "2025-01-01", 5000.0),
              List.of("monthly", 9, "2025-02-01", "Units produced", "2025-02-01", "2025-02-01", 5200.0),
              List.of("monthly", 10, "2025-01-01", "Output per shift", "2025-01-01", "2025-01-01", 400.0),
              List.of("monthly", 10, "2025-02-01", "Output per shift", "2025-02-01", "2025-02-01", 410.0));

      // and staging knows each table's grain: the monthly values are months, not weeks
      ReconcileTasklet.rebuild(home.warehouse.connection(), home.model, LocalDate.now().plusDays(1), "Test", null);
      assertThat(home.query("select row_number, period_grain, count(*) from stg_observation"
          + " where source_id = 'plant_dashboard' group by all order by row_number"))
          .containsExactly(List.of(4, "week", 2L), List.of(5, "week", 2L), List.of(9, "month", 2L),
              List.of(10, "month", 2L));
    }
  }

  @Test
  void thePreviewShowsEachTablesHeaderAndShape() throws Exception {
    // given
    try (IngestHome home = new IngestHome(root, DASHBOARD.replace("period: { grain: month }", ""))) {
      Path file = root.resolve("Dashboard_preview.xlsx");
      writeDashboard(file);
      StringWriter text = new StringWriter();

      // when
      boolean readable = new FilePreview(home.model).show(file, 5, new PrintWriter(text, true));

      // then
      assertThat(readable).isTrue();
      assertThat(text.toString())
          .contains("Board | weekly | 3 | column_per_metric | [Week, Units produced, 'Scrap cost (EUR)']")
          .contains("Board | monthly | 8 | periods_across | [KPI, 2025-01-01, 2025-02-01, Total]")
          .contains("Nothing was loaded");
      assertThat(home.query("select count(*) from load_audit")).containsExactly(List.of(0L));
    }
  }

  @Test
  void aTableReadsItsOwnPeriodColumnAttributesAndTotalsRule() throws Exception {
    // given: the late shift's period column is KW, not the source's Week starting
    try (IngestHome home = new IngestHome(root, SHIFTS)) {
      Path file = home.home.inbox().resolve("Shifts_2025-W03.xlsx");
      writeShifts(file, "1300");

      // when
      FileOutcome outcome = home.load(file);

      // then: 6 rows read: 4 with values, the late shift's Total row is layout, the note between the tables quarantined
      assertThat(outcome.kind()).isEqualTo(FileOutcome.Kind.LOADED);
      assertThat(List.of(outcome.rowsRead(), outcome.rowsLoaded(), outcome.rowsSkipped(), outcome.rowsQuarantined()))
          .containsExactly(6L, 4L, 1L, 1L);
      assertThat(home.query("select table_name, row_number, period_date::varchar, value, lot_id from raw_value"
          + " order by row_number"))
          .containsExactly(
              Arrays.asList("early", 3, "2025-01-06", 1200.0, null),
              Arrays.asList("early", 4, "2025-01-13", 1250.0, null),
              List.of("late", 9, "2025-01-06", 1100.0, "L-7"),
              List.of("late", 10, "2025-01-13", 1300.0, "L-8"));
      assertThat(home.query("select table_name, row_number from raw_row where is_layout"))
          .containsExactly(List.of("late", 11));
      assertThat(home.query("select table_name, row_number from raw_quarantine")).containsExactly(List.of("", 6));
    }
  }

  @Test
  void aRowQuarantinedInsideTheSecondTableCarriesThatTablesName() throws Exception {
    // given: the late shift's second week reads "n/a" instead of a number
    try (IngestHome home = new IngestHome(root, SHIFTS)) {
      Path file = home.home.inbox().resolve("Shifts_2025-W04.xlsx");
      writeShifts(file, "n/a");

      // when
      FileOutcome outcome = home.load(file);

      // then: the row inside table 'late' says so; the note between the tables belongs to none
      assertThat(outcome.rowsQuarantined()).isEqualTo(2L);
      assertThat(home.query("select table_name, row_number, reason from raw_quarantine order by row_number"))
          .containsExactly(
              List.of("", 6, "Row 6 of sheet 'Shifts' lies between table 'early' and table 'late' (which ended at row"
                  + " 4, before its first blank row) and is neither blank nor a table's title, so it belongs to no"
                  + " table of source 'plant_shifts'; declare its table in sources.yml or move the row into a table."),
              List.of("late", 10, "The value \"n/a\" in column \"Units produced\" is not a number."));
      ReconcileTasklet.rebuild(home.warehouse.connection(), home.model, LocalDate.now().plusDays(1), "Test", null);
      assertThat(home.query("select table_name, row_number from rpt_quarantine order by row_number"))
          .containsExactly(List.of("", 6), List.of("late", 10));
    }
  }

  @Test
  void aBadTableSettingIsReportedWithFileLineAndKey() throws Exception {
    // given: one table with a shape that does not exist and a misspelled key, one that lacks its metric column
    String bad = """

        - id: plant_bad_tables
          department: PROD
          kind: self_reported
          format: xlsx
          files: "BadTables_*.xlsx"
          period: { column: Week, grain: week }
          metrics: [ { column: Units produced } ]
          tables:
            - name: weekly
              title: Weekly
              shape: sideways
              metric_colum: KPI
            - name: monthly
              title: Monthly
              shape: periods_across
              period: { grain: fortnight }
      """;

    // when
    ConfigInvalidException invalid = catchThrowableOfType(ConfigInvalidException.class,
        () -> new IngestHome(root, bad));

    // then: every problem names sources.yml, its line and its key
    List<String> written = Files.readAllLines(new PlumblineHome(root).governance().resolve("sources.yml"));
    int id = written.indexOf("  - id: plant_bad_tables") + 1;
    assertThat(invalid).isNotNull();
    assertThat(invalid.problems())
        .extracting(p -> p.file().getFileName().toString(), ConfigProblem::line, ConfigProblem::key)
        .containsExactlyInAnyOrder(
            tuple("sources.yml", id + 10, "sources[plant_bad_tables].tables[0].shape"),
            tuple("sources.yml", id + 11, "sources[plant_bad_tables].tables[0].metric_colum"),
            tuple("sources.yml", id + 12, "sources[plant_bad_tables].tables[1].metric_column"),
            tuple("sources.yml", id + 15, "sources[plant_bad_tables].tables[1].period.grain"));
    assertThat(invalid.problems()).extracting(ConfigProblem::message).contains("This table has the shape periods_across"
        + " and needs 'metric_column' (the column naming each row's metric), as the source gives none to share.");
  }

  private static void writeDashboard(Path file) throws Exception {
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(out, "Excel", "1.0");
      Worksheet ws = wb.newWorksheet("Board");
      ws.value(0, 0, "Werk Nord: Dashboard");                                       // row 1
      ws.value(1, 0, "Weekly");                                                     // row 2
      cells(ws, 2, "Week", "Units produced", "Scrap cost (EUR)");                   // row 3
      cells(ws, 3, "2025-01-06", 1200, 500);
      cells(ws, 4, "2025-01-13", 1250, 700);
      ws.value(6, 0, "Monthly");                                                    // row 7, after blank row 6
      cells(ws, 7, "KPI", "2025-01-01", "2025-02-01", "Total");                     // row 8
      cells(ws, 8, "Units produced", 5000, 5200, 10200);
      cells(ws, 9, "Output per shift", 400, 410, 810);
      wb.finish();
    }
  }

  private static void writeShifts(Path file, String lateSecondWeek) throws Exception {
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(out, "Excel", "1.0");
      Worksheet ws = wb.newWorksheet("Shifts");
      ws.value(0, 0, "Early shift");                                                // row 1
      cells(ws, 1, "Week starting", "Units produced");                              // row 2
      cells(ws, 2, "2025-01-06", 1200);
      cells(ws, 3, "2025-01-13", 1250);
      ws.value(5, 0, "Checked by J. Doe");                                          // row 6: in no table
      ws.value(6, 0, "Late shift");                                                 // row 7
      cells(ws, 7, "KW", "Lot", "Units produced");                                  // row 8
      cells(ws, 8, "2025-01-06", "L-7", 1100);
      if ("1300".equals(lateSecondWeek)) {
        cells(ws, 9, "2025-01-13", "L-8", 1300);
      } else {
        cells(ws, 9, "2025-01-13", "L-8", lateSecondWeek);
      }
      cells(ws, 10, "Total", null, 2400);                                           // row 11: layout
      wb.finish();
    }
  }
}
