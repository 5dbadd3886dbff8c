package org.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWorkbookExportTests {

  @TempDir
  Path dir;

  @Test
  void writesEveryReportTableAsATypedSheetWithItsHeaderFrozen() throws Exception {
    // given the report tables of a year with one breach, two findings and 12 quarantined rows
    Path outbox = dir.resolve("outbox");
    try (Connection duckdb = RptFixtures.open(dir.resolve("warehouse.duckdb"))) {
      RptFixtures.yearWithOneBreach(duckdb);
      RptFixtures.twelveQuarantinedRows(duckdb);
      try (Statement s = duckdb.createStatement()) {
        s.execute("""
            insert into rpt_finding (finding_key, section, finding_type, severity, severity_weight,
              department_code, department_name, kpi_id, period_start, period_label, target_value, measured_value, status)
            values ('policy_breach:POL-INSP-001/PROD/2025-W38', 'policy_breach', 'policy_breach', 'critical', 4,
                    'PROD', 'Production', 'inspection_coverage', date '2025-09-15', '2025-W38', 100.0, 24.8, 'new'),
                   ('rogue_metric:LOG/otif_ext', 'rogue_metric', 'rogue_metric', 'low', 1,
                    'LOG', 'Logistics', null, null, '2025-Q3', null, null, 'new')""");
        // a table that is not a report table stays out of the workbook
        s.execute("create table fct_other as select 1 as x");
      }
      long tables;
      try (Statement s = duckdb.createStatement();
          var r = s.executeQuery("select count(*) from information_schema.tables where table_name like 'rpt\\_%' escape '\\'")) {
        r.next();
        tables = r.getLong(1);
      }

      // when
      int sheets = new ReportWorkbookExport().write(duckdb, outbox, "2026-01-06");

      // then one sheet per report table, in name order, each equal to its table cell by cell
      Path workbook = outbox.resolve("report-tables_as-of-2026-01-06.xlsx");
      assertThat(sheets).isEqualTo((int) tables);
      assertThat(WorkbookReadBack.sheetNames(workbook)).hasSize(sheets).isSorted().allMatch(n -> n.startsWith("rpt_"));
      assertThat(WorkbookReadBack.assertSheetEqualsTable(workbook, "rpt_finding", duckdb, "rpt_finding")).isEqualTo(2);
      assertThat(WorkbookReadBack.assertSheetEqualsTable(workbook, "rpt_quarantine", duckdb, "rpt_quarantine"))
          .isEqualTo(12);
      for (String sheet : WorkbookReadBack.sheetNames(workbook)) {
        WorkbookReadBack.assertSheetEqualsTable(workbook, sheet, duckdb, sheet);
      }
      assertThat(WorkbookReadBack.headerFrozen(workbook, 0)).isTrue();
    }
    try (var files = Files.list(outbox)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report-tables_as-of-2026-01-06.xlsx");
    }
  }

  @Test
  void aTableLongerThanASheetContinuesOnTheNext() throws Exception {
    // given a quarantine of 25 rows and sheets of 10 rows
    try (Connection duckdb = RptFixtures.open(dir.resolve("warehouse.duckdb"))) {
      try (Statement s = duckdb.createStatement()) {
        s.execute("create table rpt_quarantine as select 'Not a number' as reason, r::integer as row_number"
            + " from range(1, 26) t(r)");
      }

      // when
      int sheets = new ReportWorkbookExport(10).write(duckdb, dir, "2026-01-06");

      // then 10 + 10 + 5 rows on three sheets, in order
      Path workbook = dir.resolve("report-tables_as-of-2026-01-06.xlsx");
      assertThat(sheets).isEqualTo(3);
      assertThat(WorkbookReadBack.sheetNames(workbook))
          .containsExactly("rpt_quarantine", "rpt_quarantine (2)", "rpt_quarantine (3)");
      try (var in = Files.newInputStream(workbook);
          var book = new org.dhatim.fastexcel.reader.ReadableWorkbook(in)) {
        var third = book.getSheets().toList().get(2).read();
        assertThat(third).hasSize(6);
        assertThat(third.get(0).getCell(1).asString()).isEqualTo("row_number");
        assertThat(third.get(5).getCell(1).asNumber()).isEqualByComparingTo("25");
      }
    }
  }
}
