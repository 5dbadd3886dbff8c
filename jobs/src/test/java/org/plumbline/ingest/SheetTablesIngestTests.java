package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.plumbline.ingest.WorksheetRows.cells;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.governance.ConfigInvalidException;
import org.plumbline.governance.ConfigProblem;
import org.plumbline.reconcile.ReconcileTasklet;
import org.plumbline.system.PlumblineHome;

/** Several tables on one sheet, each with its own title, header and value columns. */
class SheetTablesIngestTests {

  private static final String SOURCES = """

      - id: plant_weekly_report
        department: PROD
        kind: self_reported
        format: xlsx
        files: "Werk_*"
        sheet: Report
        period: { column: Week starting, grain: week }
        tables:
          - name: output
            title: Output
            metrics:
              - { column: Units produced }
              - { column: Output per shift }
          - name: quality
            title: Quality
            metrics:
              - { column: Critical parts inspected, scale: 100 }
          - name: scrap
            header_row: 14
            end: next_table
            metrics:
              - { column: Scrap cost (EUR) }
    """;

  @RegisterExtension final IngestHome home = IngestHome.eachTest(SOURCES);

  @Test
  void eachTableIsLoadedUnderItsOwnHeaderAndRowsBetweenTablesAreQuarantined() throws Exception {
    // given: three tables on one sheet (two under titles, one at a fixed header row), a note between two of them
    Path file = home.home.inbox().resolve("Werk_Nord_2025-W02.xlsx");
    writeReport(file);

    // when
    FileOutcome outcome = home.load(file);

    // then: 7 rows read: 5 loaded, the untypable value and the note quarantined; conservation holds
    assertThat(outcome.kind()).isEqualTo(FileOutcome.Kind.LOADED);
    assertThat(List.of(outcome.rowsRead(), outcome.rowsLoaded(), outcome.rowsSkipped(), outcome.rowsQuarantined()))
        .containsExactly(7L, 5L, 0L, 2L);
    assertThat(home.query("select table_name, header_row, column_names from raw_sheet order by header_row"))
        .containsExactly(
            List.of("output", 3, List.of("Week starting", "Units produced", "Output per shift")),
            List.of("quality", 8, List.of("Week starting", "Remark", "Critical parts inspected")),
            List.of("scrap", 14, List.of("Week starting", "Scrap cost (EUR)")));
    assertThat(home.query("select sheet_name, table_name, row_number from raw_row order by row_number"))
        .containsExactly(
            List.of("Report", "output", 4), List.of("Report", "output", 5), List.of("Report", "quality", 9),
            List.of("Report", "scrap", 15), List.of("Report", "scrap", 17));
    assertThat(home.query("select row_number, reason from raw_quarantine order by row_number")).containsExactly(
        List.of(10, "The value \"abc\" in column \"Critical parts inspected\" is not a number."),
        List.of(12, "Row 12 of sheet 'Report' lies between table 'quality' and table 'scrap' (which ended at row 10,"
            + " before its first blank row) and is neither blank nor a table's title, so it belongs to no table of"
            + " source 'plant_weekly_report'; declare its table in sources.yml or move the row into a table."));

    // and the values reach staging under their own tables' headers
    ReconcileTasklet.rebuild(home.warehouse.connection(), home.model, LocalDate.now().plusDays(1), "Test", null);
    assertThat(home.query("select row_number, column_name, metric_name, period_date::varchar, metric_value"
        + " from stg_observation where source_id = 'plant_weekly_report' order by row_number, column_name"))
        .containsExactly(
            List.of(4, "Output per shift", "Output per shift", "2025-01-06", 400.0),
            List.of(4, "Units produced", "Units produced", "2025-01-06", 1200.0),
            List.of(5, "Output per shift", "Output per shift", "2025-01-13", 410.0),
            List.of(5, "Units produced", "Units produced", "2025-01-13", 1250.0),
            List.of(9, "Critical parts inspected", "Critical parts inspected", "2025-01-06", 98.0),
            List.of(15, "Scrap cost (EUR)", "Scrap cost (EUR)", "2025-01-06", 500.0),
            List.of(17, "Scrap cost (EUR)", "Scrap cost (EUR)", "2025-01-13", 700.0));
  }

  @Test
  void aLegacyXlsWorkbookWithTheSameTablesLoadsTheSameWay() throws Exception {
    // given: the same sheet saved as a legacy .xls workbook (POI HSSF)
    Path file = home.home.inbox().resolve("Werk_Ost_2025-W02.xls");
    try (var wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      var sheet = wb.createSheet("Report");
      xlsCells(sheet, 0, "Werk Ost: Wochenbericht");
      xlsCells(sheet, 1, "Output");
      xlsCells(sheet, 2, "Week starting", "Units produced", "Output per shift");
      xlsCells(sheet, 3, "2025-01-06", 1200, 400);
      xlsCells(sheet, 4, "2025-01-13", 1250, 410);
      xlsCells(sheet, 6, "Quality");
      xlsCells(sheet, 7, "Week starting", "Remark", "Critical parts inspected");
      xlsCells(sheet, 8, "2025-01-06", "ok", 0.98);
      xlsCells(sheet, 9, "2025-01-13", null, "abc");
      xlsCells(sheet, 11, "Prepared by the plant office");
      xlsCells(sheet, 13, "Week starting", "Scrap cost (EUR)");
      xlsCells(sheet, 14, "2025-01-06", 500);
      xlsCells(sheet, 16, "2025-01-13", 700);
      wb.write(out);
    }

    // when
    FileOutcome outcome = home.load(file);

    // then: the same tables, rows and quarantine as from the XLSX workbook
    assertThat(outcome.kind()).isEqualTo(FileOutcome.Kind.LOADED);
    assertThat(List.of(outcome.rowsRead(), outcome.rowsLoaded(), outcome.rowsSkipped(), outcome.rowsQuarantined()))
        .containsExactly(7L, 5L, 0L, 2L);
    assertThat(home.query("select table_name, header_row from raw_sheet order by header_row"))
        .containsExactly(List.of("output", 3), List.of("quality", 8), List.of("scrap", 14));
    assertThat(home.query("select table_name, row_number from raw_row order by row_number")).containsExactly(
        List.of("output", 4), List.of("output", 5), List.of("quality", 9), List.of("scrap", 15),
        List.of("scrap", 17));
    assertThat(home.query("select row_number from raw_quarantine order by row_number"))
        .containsExactly(List.of(10), List.of(12));
  }

  private static void xlsCells(org.apache.poi.ss.usermodel.Sheet sheet, int row, Object... values) {
    var r = sheet.createRow(row);
    for (int c = 0; c < values.length; c++) {
      if (values[c] instanceof Number n) {
        r.createCell(c).setCellValue(n.doubleValue());
      } else if (values[c] != null) {
        r.createCell(c).setCellValue((String) values[c]);
      }
    }
  }

  @Test
  void aSheetWithoutADeclaredTableIsRejectedNamingTheTable() throws Exception {
    // given: a workbook whose sheet has the first two tables but not the third's header row
    Path file = home.home.inbox().resolve("Werk_Sued_2025-W02.xlsx");
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(out, "Excel", "1.0");
      Worksheet ws = wb.newWorksheet("Report");
      ws.value(1, 0, "Output");
      cells(ws, 2, "Week starting", "Units produced", "Output per shift");
      ws.value(6, 0, "Quality");
      cells(ws, 7, "Week starting", "Critical parts inspected");
      wb.finish();
    }

    // when
    FileOutcome outcome = home.load(file);

    // then
    assertThat(outcome.kind()).isEqualTo(FileOutcome.Kind.REJECTED);
    assertThat(outcome.reason()).isEqualTo("The sheet 'Report' has no table 'scrap': its header row 14 is blank or"
        + " missing (sources.yml: tables of source 'plant_weekly_report').");
    assertThat(home.query("select count(*) from load_audit")).containsExactly(List.of(0L));
  }

  @Test
  void overlappingTablesAMissingHeaderAndUnknownKeysAreReportedWithFileLineAndKey(@TempDir Path other)
      throws Exception {
    // given: a source whose tables overlap, repeat a name, lack a header and misspell a key
    String bad = """

        - id: plant_bad
          department: PROD
          kind: self_reported
          format: xlsx
          files: "Bad_*.xlsx"
          header_row: 2
          period: { column: Week starting, grain: week }
          tables:
            - name: output
              header_row: 10
              metrics: [ { column: Units produced } ]
            - name: output
              header_row: 5
              titel: Quality
            - name: scrap
              metrics: [ { column: Scrap cost (EUR) } ]
      """;

    // when
    ConfigInvalidException invalid = catchThrowableOfType(ConfigInvalidException.class,
        () -> new IngestHome(other, bad));

    // then: every problem names sources.yml, its line and its key (lines counted from the source's id)
    List<String> written = Files.readAllLines(new PlumblineHome(other).governance().resolve("sources.yml"));
    int id = written.indexOf("  - id: plant_bad") + 1;
    assertThat(invalid.problems())
        .extracting(p -> p.file().getFileName().toString(), ConfigProblem::line, ConfigProblem::key)
        .containsExactly(
            tuple("sources.yml", id + 5, "sources[plant_bad].header_row"),
            tuple("sources.yml", id + 11, "sources[plant_bad].tables[1].metrics"),
            tuple("sources.yml", id + 11, "sources[plant_bad].tables[1].name"),
            tuple("sources.yml", id + 12, "sources[plant_bad].tables[1].header_row"),
            tuple("sources.yml", id + 13, "sources[plant_bad].tables[1].titel"),
            tuple("sources.yml", id + 14, "sources[plant_bad].tables[2]"));
    assertThat(invalid.problems()).extracting(ConfigProblem::message)
        .contains("This table's header_row 5 is not below the header of the table before it (header_row 10 on line "
            + (id + 8) + "): tables overlap. List the tables in the order they appear on the sheet.")
        .contains("A table needs where its header is: 'header_row' (its row number, or auto: the first row naming"
            + " every column the table reads) or 'title' (the text in column A of the row above the header).");
  }

  private static void writeReport(Path file) throws Exception {
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(out, "Excel", "1.0");
      Worksheet ws = wb.newWorksheet("Report");
      ws.value(0, 0, "Werk Nord: Wochenbericht");                       // row 1: the sheet's title
      ws.value(1, 0, "Output");                                         // row 2: table output's title
      cells(ws, 2, "Week starting", "Units produced", "Output per shift");
      cells(ws, 3, "2025-01-06", 1200, 400);
      cells(ws, 4, "2025-01-13", 1250, 410);
      ws.value(6, 0, "Quality");                                        // row 7, after blank row 6
      cells(ws, 7, "Week starting", "Remark", "Critical parts inspected");
      cells(ws, 8, "2025-01-06", "ok", 0.98);
      cells(ws, 9, "2025-01-13", null, "abc");
      ws.value(11, 0, "Prepared by the plant office");                  // row 12: belongs to no table
      cells(ws, 13, "Week starting", "Scrap cost (EUR)");               // row 14
      cells(ws, 14, "2025-01-06", 500);
      cells(ws, 16, "2025-01-13", 700);                                 // row 17, after blank row 16
      wb.finish();
    }
  }
}
