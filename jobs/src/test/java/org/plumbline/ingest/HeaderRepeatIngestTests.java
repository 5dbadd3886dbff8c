package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plumbline.ingest.WorksheetRows.cells;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A row that repeats the header: a second table below the first, or one export appended to
 * another. Rows below a header whose columns are elsewhere would be read under the wrong
 * columns, so they are quarantined, never loaded as the first table's.
 */
class HeaderRepeatIngestTests {

  private static final String SOURCES = """

      - id: ctrl_daily
        department: PROD
        kind: self_reported
        format: xlsx
        files: "Ctrl_*.xlsx"
        sheet: Daten
        period: { column: Datum, grain: day }
        metrics:
          - { column: Menge, name: Units produced }
          - { column: Kosten, name: Scrap cost (EUR) }
    """;

  @RegisterExtension final IngestHome home = IngestHome.eachTest(IngestHome.EXPORT_SOURCE + SOURCES);

  @Test
  void aSecondTableWithItsColumnsInAnotherOrderIsQuarantinedNotReadUnderTheFirstHeader() throws Exception {
    // given actuals, and below them a plan whose header has Kosten and Menge swapped
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook wb = new Workbook(out, "Excel", "1.0");
    Worksheet ws = wb.newWorksheet("Daten");
    cells(ws, 0, "Datum", "Menge", "Kosten");
    cells(ws, 1, "2025-01-06", 1000, 400);
    cells(ws, 3, "Plan Januar 2025");
    cells(ws, 4, "Datum", "Kosten", "Menge");
    cells(ws, 5, "2025-01-06", 350, 1200);
    cells(ws, 7, "2025-01-07", 350, 1200);
    wb.finish();

    // when
    FileOutcome outcome = home.load(home.deliver("Ctrl_2025-01.xlsx", out.toByteArray()));

    // then only the actuals load; the plan's header and rows are quarantined, saying why
    assertThat(List.of(outcome.rowsLoaded(), outcome.rowsQuarantined())).containsExactly(1L, 4L);
    assertThat(home.query("select row_number, metric_name, value from raw_value order by all")).containsExactly(
        List.of(2, "Scrap cost (EUR)", 400.0), List.of(2, "Units produced", 1000.0));
    assertThat(home.query("select row_number, reason from raw_quarantine order by row_number")).containsExactly(
        List.of(4, "The period \"Plan Januar 2025\" in column \"Datum\" is not a date."),
        List.of(5, "The row repeats the header of row 1 with its columns elsewhere (\"Menge\" in column C, not B):"
            + " it starts another table, whose rows would be read under the wrong columns, so they are quarantined"
            + " with it. Give the sheet's tables in sources.yml (tables), or move the second table to a sheet or"
            + " file of its own."),
        List.of(6, "The row is below row 5, which repeats the header of row 1 with its columns elsewhere: it belongs"
            + " to another table, whose columns this source does not read. Give the sheet's tables in sources.yml"
            + " (tables), or move that table to a sheet or file of its own."),
        List.of(8, "The row is below row 5, which repeats the header of row 1 with its columns elsewhere: it belongs"
            + " to another table, whose columns this source does not read. Give the sheet's tables in sources.yml"
            + " (tables), or move that table to a sheet or file of its own."));
  }

  @Test
  void anAppendedExportsHeaderIsQuarantinedAsAHeaderAndTheRowsBelowItLoad() throws Exception {
    // given two exports appended into one file, the second with its header
    Path file = home.deliver("export_1.csv", "day,qty\n2025-01-06,10\nday,qty\n2025-01-07,11\n");

    // when
    FileOutcome outcome = home.load(file);

    // then
    assertThat(List.of(outcome.rowsLoaded(), outcome.rowsQuarantined())).containsExactly(2L, 1L);
    assertThat(home.query("select row_number, reason from raw_quarantine")).containsExactly(
        List.of(3, "The row repeats the header of row 1: it holds the columns' names, not data."));
  }
}
