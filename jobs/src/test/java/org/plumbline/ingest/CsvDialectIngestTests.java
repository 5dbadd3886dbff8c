package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.batch.core.step.StepExecution;

/** CSV dialects and layouts beyond the plain export: ISO weeks, backslash escapes, title lines. */
class CsvDialectIngestTests {

  private static final String SOURCES = """

      - id: test_weekly
        system: MES
        kind: system_of_record
        format: csv
        files: "weekly_*.csv"
        csv: { delimiter: "," }
        period: { column: week, grain: week }
        metrics:
          - { column: qty, name: produced_units }

      - id: test_backslash
        system: MES
        kind: system_of_record
        format: csv
        files: "mysql_*.csv"
        csv: { delimiter: ",", escape: "\\\\" }
        period: { column: day, grain: day }
        metrics:
          - { column: qty, name: produced_units }

      - id: test_titled
        system: MES
        kind: system_of_record
        format: csv
        files: "report_*.csv"
        header_row: auto
        csv: { delimiter: ";" }
        period: { column: Tag, grain: day }
        metrics:
          - { column: Menge, name: produced_units }
    """;

  @RegisterExtension final IngestHome home = IngestHome.eachTest(SOURCES);

  @Test
  void isoWeeksAreReadAsTheirMondayAndAWeekTheYearLacksIsQuarantined() throws Exception {
    // given: weeks written 2025-W02 and 2025W03, a 53rd week 2020 has and one 2025 lacks
    Path file = home.deliver("weekly_1.csv", "week,qty\n2025-W02,10\n2020-W53,11\n2025W03,12\n2025-W53,13\n");

    // when
    FileOutcome outcome = home.load(file);

    // then
    assertThat(List.of(outcome.rowsRead(), outcome.rowsLoaded(), outcome.rowsQuarantined()))
        .containsExactly(4L, 3L, 1L);
    assertThat(home.query("select row_number, period_text, period_date::varchar from raw_value order by 1"))
        .containsExactly(List.of(2, "2025-W02", "2025-01-06"), List.of(3, "2020-W53", "2020-12-28"),
            List.of(4, "2025W03", "2025-01-13"));
    assertThat(home.query("select row_number, reason from raw_quarantine")).containsExactly(
        List.of(5, "The period \"2025-W53\" in column \"week\" is no week: 2025 has the ISO weeks 1 to 52."));
  }

  @Test
  void aBackslashEscapedQuoteStaysInsideItsField() throws Exception {
    // given: a MySQL-style export, \" inside a quoted field that also holds the delimiter
    Path file = home.deliver("mysql_1.csv", "day,qty,note\n2025-01-06,10,\"said \\\"ok\\\", then left\"\n"
        + "2025-01-07,11,plain\n");

    // when
    FileOutcome outcome = home.load(file);

    // then
    assertThat(List.of(outcome.rowsRead(), outcome.rowsLoaded(), outcome.rowsQuarantined()))
        .containsExactly(2L, 2L, 0L);
    assertThat(home.query("select row_number, fields from raw_row order by 1")).containsExactly(
        List.of(2, List.of("2025-01-06", "10", "said \"ok\", then left")),
        List.of(3, List.of("2025-01-07", "11", "plain")));
  }

  @Test
  void theHeaderIsFoundBelowTitleLinesAndRowsKeepTheirEditorLines() throws Exception {
    // given: a report export with a title, a date line and a blank line above the header
    Path file = home.deliver("report_1.csv", "Produktionsbericht;;\nStand: 31.01.2025;;\n\nTag;Menge;Notiz\n"
        + "2025-01-06;10;\n2025-01-07;11;x\n");

    // when
    FileOutcome outcome = home.load(file);

    // then
    assertThat(outcome.rowsLoaded()).isEqualTo(2);
    assertThat(home.query("select header_row, column_names from raw_sheet"))
        .containsExactly(List.of(4, List.of("Tag", "Menge", "Notiz")));
    assertThat(home.query("select row_number, value from raw_value order by 1"))
        .containsExactly(List.of(5, 10.0), List.of(6, 11.0));
  }

  @Test
  void aHeaderWithAnInchMarkIsFoundAndSplitAsDuckDbSplitsIt() throws Exception {
    // given: a header whose middle column is named with an inch mark (a quote inside a field, which is text)
    Path file = home.deliver("report_2.csv", "Produktionsbericht;;\nTag;Ventil 1/2\";Menge\n2025-01-06;DN15;10\n");

    // when
    FileOutcome outcome = home.load(file);

    // then: the header line is found (the quote did not swallow "Menge") and the columns are DuckDB's
    assertThat(outcome.kind()).isEqualTo(FileOutcome.Kind.LOADED);
    assertThat(home.query("select header_row, column_names from raw_sheet"))
        .containsExactly(List.of(2, List.of("Tag", "Ventil 1/2\"", "Menge")));
    assertThat(home.query("select row_number, value from raw_value")).containsExactly(List.of(3, 10.0));
  }

  @Test
  void aFileWithoutTheHeaderLineIsRejectedNamingTheColumns() throws Exception {
    // given
    Path file = home.deliver("report_2.csv", "Produktionsbericht\nDay;Qty\n2025-01-06;10\n");

    // when
    FileOutcome outcome = home.load(file);

    // then
    assertThat(outcome.kind()).isEqualTo(FileOutcome.Kind.REJECTED);
    assertThat(outcome.reason()).contains("None of its first 100 lines").contains("\"Tag\", \"Menge\"");
  }

  @Test
  void theIngestStepCountsEveryQuarantinedRowAsASkip() throws Exception {
    // given: two files, one with a row whose value is no number, one with two bad weeks
    home.deliver("weekly_2.csv", "week,qty\n2025-W02,10\n2025-W03,n/a\n");
    home.deliver("weekly_3.csv", "week,qty\n2025-W60,10\nlast week,11\n2025-W04,12\n");

    // when: the step calls the tasklet until the inbox is empty
    StepExecution step = home.runIngestStep(Clock.systemUTC()).step();

    // then: the step's skips are the ledger's quarantined rows, exactly
    assertThat(home.query("select count(*) from raw_quarantine")).containsExactly(List.of(3L));
    assertThat(List.of(step.getSkipCount(), step.getReadCount(), step.getWriteCount()))
        .containsExactly(3L, 5L, 2L);
  }
}
