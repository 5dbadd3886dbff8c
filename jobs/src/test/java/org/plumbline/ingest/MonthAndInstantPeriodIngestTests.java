package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.system.ExampleConfig;
import org.plumbline.system.PlumblineHome;

/**
 * Periods as departments and systems write them: a monthly sheet headed by months rather than
 * dates, and instants that state their offset, dated in the plant's time zone.
 */
class MonthAndInstantPeriodIngestTests {

  private static final String SOURCES = """

      - id: ctrl_monthly
        department: PROD
        kind: self_reported
        format: csv
        files: "Monat_*.csv"
        csv: { delimiter: ";" }
        shape: periods_across
        metric_column: Kennzahl
        period: { grain: month }

      - id: ctrl_months_long
        department: PROD
        kind: self_reported
        format: csv
        files: "Monate_*.csv"
        csv: { delimiter: ";" }
        period: { column: Monat, grain: month }
        metrics:
          - { column: Menge, name: Units produced }

      - id: ctrl_weekly
        department: PROD
        kind: self_reported
        format: csv
        files: "Woche_*.csv"
        csv: { delimiter: ";" }
        shape: periods_across
        metric_column: Kennzahl
        period: { grain: week }

      - id: mes_lots
        system: MES
        kind: system_of_record
        format: parquet
        files: "lots_*.parquet"
        period: { column: produced_at, grain: day }
        metrics:
          - { column: qty, name: produced_units }

      - id: mes_events
        system: MES
        kind: system_of_record
        format: csv
        files: "events_*.csv"
        csv: { delimiter: "," }
        period: { column: ts, grain: day }
        metrics:
          - { column: qty, name: produced_units }
    """;

  @TempDir Path root;

  /** A home comparing per month (a monthly source needs that), its plant in Europe/Berlin as the example's is. */
  private IngestHome monthlyHome() throws Exception {
    PlumblineHome plumbline = new PlumblineHome(root);
    ExampleConfig.writeIfAbsent(plumbline);
    Path calendar = plumbline.governance().resolve("calendar.yml");
    Files.writeString(calendar, Files.readString(calendar).replace("common_grain: week", "common_grain: month"));
    return new IngestHome(root, SOURCES);
  }

  @Test
  void monthsWrittenAsMonthsHeadAMonthlyTableAndAreReadAsTheirFirstDay() throws Exception {
    try (IngestHome home = monthlyHome()) {
      // given a monthly sheet headed by months as people write them, and a quarter's total beside them
      Path file = home.deliver("Monat_2025.csv", "Kennzahl;2025-01;02/2025;03.2025;Apr 2025;Mai 2025;Juni 25;Jul-25;"
          + "Summe Q1\nUnits produced;10;11;12;13;14;15;16;33\n");

      // when
      FileOutcome outcome = home.load(file);

      // then every month loads on its first day, and the total is left alone
      assertThat(outcome.kind()).isEqualTo(FileOutcome.Kind.LOADED);
      assertThat(home.query("select period_text, period_date::varchar, value from raw_value order by period_date"))
          .containsExactly(List.of("2025-01", "2025-01-01", 10.0), List.of("02/2025", "2025-02-01", 11.0),
              List.of("03.2025", "2025-03-01", 12.0), List.of("Apr 2025", "2025-04-01", 13.0),
              List.of("Mai 2025", "2025-05-01", 14.0), List.of("Juni 25", "2025-06-01", 15.0),
              List.of("Jul-25", "2025-07-01", 16.0));
    }
  }

  @Test
  void aMonthlyTableHeadedTwiceByOneMonthIsRejectedRatherThanAddTheColumnsUp() throws Exception {
    try (IngestHome home = monthlyHome()) {
      // given January twice (the first column, the superseded figure, hidden in the workbook), and
      // a monthly table dating February by two of its days
      Path twice = home.deliver("Monat_1.csv", "Kennzahl;Jan 2025;Jan 2025;Feb 2025\nUnits produced;10000;10500;11000\n");
      Path days = home.deliver("Monat_2.csv", "Kennzahl;2025-02-01;2025-02-15\nUnits produced;1;2\n");

      // when
      List<FileOutcome> outcomes = List.of(home.load(twice), home.load(days));

      // then
      assertThat(outcomes).extracting(FileOutcome::reason).containsExactly(
          "The headers \"Jan 2025\" (column B) and \"Jan 2025\" (column C) are one period, 2025-01, for source"
              + " 'ctrl_monthly': the values under them would be added up as one figure. Keep one column per period"
              + " (a hidden column counts too), then put the file back in the inbox.",
          "The headers \"2025-02-01\" (column B) and \"2025-02-15\" (column C) are one period, 2025-02, for source"
              + " 'ctrl_monthly': the values under them would be added up as one figure. Keep one column per period"
              + " (a hidden column counts too), then put the file back in the inbox.");
    }
  }

  @Test
  void aRowCopiedDownInADepartmentsFileIsQuarantinedOnceAndRowsThatDifferLoad() throws Exception {
    try (IngestHome home = monthlyHome()) {
      // given February's row copied down, and two rows for March that differ (two lines' output)
      Path file = home.deliver("Monate_2025.csv", "Monat;Menge;Linie\n2025-01;10;1\n2025-02;11;1\n2025-02;11;1\n"
          + "2025-03;12;1\n2025-03;13;2\n");

      // when
      FileOutcome outcome = home.load(file);

      // then
      assertThat(List.of(outcome.rowsLoaded(), outcome.rowsQuarantined())).containsExactly(4L, 1L);
      assertThat(home.query("select row_number, reason from raw_quarantine")).containsExactly(List.of(4,
          "The row repeats row 3 field for field: a department's figure is counted once, so the copy is left out."
              + " If both rows are meant, make them differ where they do (a line, a shift)."));
    }
  }

  @Test
  void aMonthInAPeriodColumnIsReadForAMonthlySourceAndAMonthThatDoesNotExistIsQuarantined() throws Exception {
    try (IngestHome home = monthlyHome()) {
      // given
      Path file = home.deliver("Monate_2025.csv", "Monat;Menge\nJanuar 2025;10\n2025-13;11\nDez. 2025;12\n");

      // when
      home.load(file);

      // then
      assertThat(home.query("select row_number, period_date::varchar from raw_value order by row_number"))
          .containsExactly(List.of(2, "2025-01-01"), List.of(4, "2025-12-01"));
      assertThat(home.query("select row_number, reason from raw_quarantine"))
          .containsExactly(List.of(3, "The period \"2025-13\" in column \"Monat\" is not a date."));
    }
  }

  @Test
  void aWeeklyTableHeadedByMonthsOrByNoPeriodAtAllIsRejectedRatherThanLoadNothing() throws Exception {
    try (IngestHome home = monthlyHome()) {
      // given a weekly sheet headed by months, and one with no period in its header at all
      Path months = home.deliver("Woche_1.csv", "Kennzahl;Jan 2025;2025-02\nUnits produced;10;11\n");
      Path none = home.deliver("Woche_2.csv", "Kennzahl;Einheit;Summe\nUnits produced;Stk;21\n");

      // when
      List<FileOutcome> outcomes = List.of(home.load(months), home.load(none));

      // then each is rejected, naming what it could not read
      assertThat(outcomes).extracting(FileOutcome::kind).containsOnly(FileOutcome.Kind.REJECTED);
      assertThat(outcomes.get(0).reason()).startsWith("The headers \"Jan 2025\" (column B), \"2025-02\" (column C) are"
          + " written like a period, but not as one source 'ctrl_weekly' reads (ISO dates such as 2026-10-12, or ISO"
          + " weeks such as 2026-W42)");
      assertThat(outcomes.get(1).reason()).isEqualTo("No column of the header (\"Kennzahl\", \"Einheit\", \"Summe\") is"
          + " a period source 'ctrl_weekly' reads (ISO dates such as 2026-10-12, or ISO weeks such as 2026-W42), so"
          + " not one of its values would load: periods across columns are read from the headers. Head each period's"
          + " column with its period, or check the source's shape and period grain in sources.yml, then put the file"
          + " back in the inbox.");
      assertThat(home.query("select count(*) from load_audit")).containsExactly(List.of(0L));
    }
  }

  @Test
  void anInstantThatStatesItsOffsetIsDatedInThePlantsTimeZoneWhateverTheServersIs() throws Exception {
    try (IngestHome home = monthlyHome()) {
      // given a server in New York, and the same instant twice (00:30 on 1 February in Berlin, the
      // plant's zone), one more instant, and a local time
      try (var s = home.warehouse.connection().createStatement()) {
        s.execute("set TimeZone = 'America/New_York'");
      }
      Path file = home.deliver("events_1.csv", "ts,qty\n2025-01-31T23:30:00Z,1\n2025-02-01T00:30:00+01:00,2\n"
          + "2025-01-31T19:30:00-05:00,3\n2025-01-31T23:30:00,4\n");

      // when
      home.load(file);

      // then the three instants are 1 February in Berlin, the local time is the day it names,
      // and the server's session keeps its own time zone
      assertThat(home.query("select row_number, period_date::varchar from raw_value order by row_number"))
          .containsExactly(List.of(2, "2025-02-01"), List.of(3, "2025-02-01"), List.of(4, "2025-02-01"),
              List.of(5, "2025-01-31"));
      assertThat(home.query("select current_setting('TimeZone')")).containsExactly(List.of("America/New_York"));
    }
  }

  @Test
  void aParquetInstantIsWrittenAndDatedInThePlantsTimeZoneWhateverTheServersIs() throws Exception {
    try (IngestHome home = monthlyHome()) {
      // given a Parquet export whose instants (TIMESTAMP WITH TIME ZONE) are 23:30 UTC on 31 January,
      // and a server in UTC
      Path file = home.home.inbox().resolve("lots_1.parquet");
      try (var s = home.warehouse.connection().createStatement()) {
        s.execute("set TimeZone = 'UTC'");
        s.execute("copy (select '2025-01-31 23:30:00+00'::timestamptz as produced_at, 5 as qty) to '"
            + file.toString().replace("'", "''") + "' (format parquet)");
      }
      Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-31T19:00:00Z"))); // before the loader's clock

      // when
      home.load(file);

      // then its text and its day are the plant's: 00:30 on 1 February in Berlin
      assertThat(home.query("select period_text, period_date::varchar from raw_value"))
          .containsExactly(List.of("2025-02-01 00:30:00+01", "2025-02-01"));
    }
  }
}
