package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A department's wide workbook the code has never seen, onboarded by config alone. */
class WideWorkbookIngestTests {

  private static final String SOURCES = """

      - id: prod_monthly_board
        department: PROD
        kind: self_reported
        format: xlsx
        files: "Board_*.xlsx"
        sheet: KPIs
        header_row: auto
        shape: periods_across
        metric_column: Kennzahl
        period: { grain: week }
        skip_rows: { column: Kennzahl, matches: "(?i)^summe" }
        version_key: periods
        metrics:
          - { name: "Critical parts inspected", unit: fraction }

      - id: ctrl_weekly
        department: PROD
        kind: self_reported
        format: csv
        files: "Ctrl_*.csv"
        csv: { delimiter: ";" }
        shape: periods_across
        metric_column: Kennzahl
        period: { grain: week }
    """;

  @RegisterExtension final IngestHome home = IngestHome.eachTest(SOURCES);

  @Test
  void periodsAcrossTheColumnsAreUnpivotedAndConvertedToTheKpisUnit() throws Exception {
    // given: a title row, the header in row 3 with weeks as dates and a totals column
    Path file = home.home.inbox().resolve("Board_2025.xlsx");
    writeBoard(file);

    // when
    FileOutcome outcome = home.load(file);

    // then: 3 rows read: two metrics loaded, the totals row kept as layout; "n/a" quarantined
    assertThat(List.of(outcome.rowsRead(), outcome.rowsLoaded(), outcome.rowsSkipped(), outcome.rowsQuarantined()))
        .containsExactly(4L, 2L, 1L, 1L);
    assertThat(home.query("select row_number, metric_name, period_date::varchar, value from raw_value"
        + " order by row_number, period_date")).containsExactly(
            List.of(4, "Units produced", "2025-01-06", 1200.0),
            List.of(4, "Units produced", "2025-01-13", 1250.0),
            List.of(5, "Critical parts inspected", "2025-01-06", 98.0),
            List.of(5, "Critical parts inspected", "2025-01-13", 100.0));
    assertThat(home.query("select row_number, reason from raw_quarantine")).containsExactly(
        List.of(6, "The value \"n/a\" in column \"2025-01-13\" is not a number."));
    assertThat(home.query("select version_key from load_audit")).containsExactly(
        List.of("prod_monthly_board/periods 2025-01-06..2025-01-13"));
  }

  @Test
  void aPeriodHeaderTheSourceCannotReadRejectsTheFileRatherThanLoseItsColumn() throws Exception {
    // given a week written as "KW 43", a German date under ISO dates, and a day that does not
    // exist, beside columns that are no periods (a unit, a quarter's total, a sum)
    Path misread = home.deliver("Ctrl_1.csv", "Kennzahl;Einheit;2026-10-05;KW 43;12.10.2026 ;2026-09-31;Q3 2026;Summe\n"
        + "Units produced;Stk;1200;1250;1300;1350;9000;9000\n");
    Path readable = home.deliver("Ctrl_2.csv", "Kennzahl;Einheit;2026-10-05;2026-W42;Q3 2026;Summe\n"
        + "Units produced;Stk;1200;1250;9000;9000\n");

    // when
    FileOutcome rejected = home.load(misread);
    FileOutcome loaded = home.load(readable);

    // then the first names the headers it cannot read, and the second loads its two periods
    assertThat(rejected.reason()).isEqualTo("The headers \"KW 43\" (column D), \"12.10.2026\" (column E), \"2026-09-31\""
        + " (column F) are written like a period, but not as one source 'ctrl_weekly' reads (ISO dates such as"
        + " 2026-10-12, or ISO weeks such as 2026-W42): the values under them would be lost, as periods across"
        + " columns are read from the headers. Write each such header as a period the source reads (or fix"
        + " date_format in sources.yml), then put the file back in the inbox.");
    assertThat(loaded.kind()).isEqualTo(FileOutcome.Kind.LOADED);
    assertThat(home.query("select period_date::varchar, value from raw_value order by period_date")).containsExactly(
        List.of("2026-10-05", 1200.0), List.of("2026-10-12", 1250.0));
  }

  @Test
  void aMetricNameInDecomposedLettersIsTheNameTheConfigWritesComposed() throws Exception {
    // given "Qualität" written as a Mac writes it (a + U+0308), and as Windows does
    String decomposed = java.text.Normalizer.normalize("Qualität", java.text.Normalizer.Form.NFD);
    Path file = home.deliver("Ctrl_1.csv", "Kennzahl;2026-10-05\n" + decomposed + ";97\nQualität;98\n");

    // when
    home.load(file);

    // then both are the one metric "Qualität", while the row keeps the text as written
    assertThat(home.query("select row_number, metric_name, length(metric_name) from raw_value order by row_number"))
        .containsExactly(List.of(2, "Qualität", 8L), List.of(3, "Qualität", 8L));
    assertThat(home.query("select length(fields[1]) from raw_record order by row_number"))
        .containsExactly(List.of(9L), List.of(8L));
  }

  @Test
  void aPreviewShowsTheReadingAndLoadsNothing() throws Exception {
    // given
    Path file = home.root().resolve("Board_preview.xlsx");
    writeBoard(file);
    StringWriter text = new StringWriter();

    // when
    boolean readable = new FilePreview(home.model).show(file, 5, new PrintWriter(text, true));

    // then
    assertThat(readable).isTrue();
    assertThat(text.toString()).contains("== Header as read").contains("Kennzahl, 2025-01-06, 2025-01-13, Summe")
        .contains("Would be quarantined").contains("is not a number").contains("Nothing was loaded");
    assertThat(home.query("select count(*) from load_audit")).containsExactly(List.of(0L));
    assertThat(file).exists();
  }

  private static void writeBoard(Path file) throws Exception {
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(out, "Excel", "1.0");
      Worksheet ws = wb.newWorksheet("KPIs");
      ws.value(0, 0, "Produktion: Kennzahlen je Woche");
      ws.value(2, 0, "Kennzahl");
      ws.value(2, 1, LocalDate.of(2025, 1, 6));
      ws.style(2, 1).format("dd.mm.yyyy").set();
      ws.value(2, 2, LocalDate.of(2025, 1, 13));
      ws.style(2, 2).format("dd.mm.yyyy").set();
      ws.value(2, 3, "Summe");
      row(ws, 3, "Units produced", 1200, 1250, 2450);
      row(ws, 4, "Critical parts inspected", 0.98, 1.0, null);
      ws.style(4, 1).format("0%").set();
      ws.value(5, 0, "Output per shift");
      ws.value(5, 1, 400);
      ws.value(5, 2, "n/a");
      row(ws, 6, "Summe", 1201, 1251, 2452);
      wb.finish();
    }
  }

  private static void row(Worksheet ws, int r, String name, Number a, Number b, Number total) {
    ws.value(r, 0, name);
    ws.value(r, 1, a);
    ws.value(r, 2, b);
    if (total != null) {
      ws.value(r, 3, total);
    }
  }
}
