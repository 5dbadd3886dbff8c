package org.plumbline.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A figure restated at another grain (fct_retroactive_revision via int_reported_grain_change): at
 * the month grain, Production's weekly sheets and a monthly file state the same KPIs for March
 * 2025, and whichever grain arrived last speaks for the month (int_kpi_observation). When a later
 * delivery at the other grain changes that figure beyond the rounding of the figures compared,
 * the change is a retroactive revision like any other.
 */
class RevisionAcrossGrainsTests {

  /** Beside the weekly sheet and the monthly file, a monthly overview workbook. */
  static final String MONTHLY = FindingFixture.MONTHLY_FILE + """
        - id: prod_overview
          department: PROD
          kind: self_reported
          format: xlsx
          files: "overview_*.xlsx"
          sheet: Overview
          header_row: 1
          period: { column: Month, grain: month }
          metrics:
            - { column: Inspected % }
      """;

  /** March 2025's ISO weeks (W10 to W13, Thursdays 6 to 27 March): 93.1 % inspected on average, 400 units. */
  static final List<List<String>> MARCH_WEEKS = List.of(List.of("2025-03-03", "100", "93.0"),
      List.of("2025-03-10", "100", "93.4"), List.of("2025-03-17", "100", "92.8"), List.of("2025-03-24", "100", "93.2"));

  @TempDir
  Path folder;

  /** Each March week in a sheet of its own, sent the Monday after it. */
  static void weekByWeek(FindingFixture fixture, List<List<String>> weeks) throws Exception {
    for (List<String> week : weeks) {
      LocalDate monday = LocalDate.parse(week.get(0));
      fixture.prodSheet("prod_" + monday + ".csv", monday.plusWeeks(1).atTime(8, 0), List.of(week));
    }
  }

  @Test
  void weeklySheetsThenAFlatteringMonthlyFigureAreOneRevisionNamingBothSides() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, FindingFixture.MONTH_GRAIN, MONTHLY)) {
      // given March week by week (93.1 % on average), then a monthly file saying 97.0 % and the same 400 units
      weekByWeek(fixture, MARCH_WEEKS);
      fixture.monthlyFile("monthly_2025-03.csv", LocalDateTime.parse("2025-04-20T08:00"),
          List.of(List.of("2025-03-01", "400", "97.0")));

      // when
      fixture.reconcile("2025-04-30");

      // then March is the monthly figure, and its takeover is one flattering revision; the weeks arriving
      // one by one revised nothing, nor did the units, which the month states as the weeks add up
      assertThat(fixture.query("select reported_value from int_reported_kpi_period where kpi_id = 'inspection_coverage'"))
          .containsExactly(List.of(97.0));
      assertThat(fixture.query("select finding_key, period_date, period_label, previous_grain, revised_grain,"
          + " previous_value_count, revised_value_count, round(previous_value, 4), revised_value, direction, is_flattering,"
          + " previous_file_name, previous_file_names::varchar, revised_file_name, revised_file_names::varchar"
          + " from fct_retroactive_revision")).containsExactly(List.of(
          "prod_monthly/Inspected %/2025-03-01/load 5/week to month", LocalDate.parse("2025-03-01"), "2025-03", "week",
          "month", 4L, 1L, 93.1, 97.0, "up", true, "prod_2025-03-24.csv",
          "[prod_2025-03-03.csv, prod_2025-03-10.csv, prod_2025-03-17.csv, prod_2025-03-24.csv]",
          "monthly_2025-03.csv", "[monthly_2025-03.csv]"));
      assertThat(fixture.query("select finding_key, severity, self_reported_value, round(gap, 4), evidence, evidence_key"
          + " from fct_finding where finding_type = 'retroactive_revision'")).containsExactly(List.of(
          "retroactive_revision:prod_monthly/Inspected %/2025-03-01/load 5/week to month", "medium", 97.0, 3.9,
          "Inspection coverage: the weekly figures for 2025-03 from prod_2025-03-03.csv, prod_2025-03-10.csv,"
              + " prod_2025-03-17.csv and prod_2025-03-24.csv (93.1% on average over 4 weeks, last received 2025-03-31)"
              + " were replaced by the monthly figure in monthly_2025-03.csv (97%, received 2025-04-20): a rise where"
              + " higher is better, which flatters the department.",
          "evidence.retroactive_revision.restated"));
      // and its rows are the four weekly ones and the monthly one
      assertThat(fixture.query("select row_role, load_id from fct_finding_lineage"
          + " where finding_key like 'retroactive_revision:%' order by load_id")).containsExactly(
          List.of("previous", 1L), List.of("previous", 2L), List.of("previous", 3L), List.of("previous", 4L),
          List.of("revised", 5L));

      // when the next run finds the same, then it is the same finding, persisting
      fixture.reconcile("2025-04-30");
      assertThat(fixture.query("select finding_key, status from fct_finding_status"
          + " where finding_key like 'retroactive_revision:%'")).containsExactly(List.of(
          "retroactive_revision:prod_monthly/Inspected %/2025-03-01/load 5/week to month", "persisting"));
    }
  }

  @Test
  void aMonthlyFigureThenWeeklySheetsAreARevisionTheOtherWay() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, FindingFixture.MONTH_GRAIN, MONTHLY)) {
      // given March as a monthly 97.0 %, then the weekly sheet of March, 93.1 % on average
      fixture.monthlyFile("monthly_2025-03.csv", LocalDateTime.parse("2025-04-05T08:00"),
              List.of(List.of("2025-03-01", "400", "97.0")))
          .prodSheet("prod_2025-03.csv", LocalDateTime.parse("2025-04-20T08:00"), MARCH_WEEKS);

      // when
      fixture.reconcile("2025-04-30");

      // then
      assertThat(fixture.query("select round(reported_value, 4) from int_reported_kpi_period"
          + " where kpi_id = 'inspection_coverage'")).containsExactly(List.of(93.1));
      assertThat(fixture.query("select finding_key, previous_grain, revised_grain, previous_value_count,"
          + " revised_value_count, previous_value, round(revised_value, 4), direction, is_flattering"
          + " from fct_retroactive_revision")).containsExactly(List.of(
          "prod_sheet/Inspected %/2025-03-01/load 2/month to week", "month", "week", 1L, 4L, 97.0, 93.1, "down", false));
      assertThat(fixture.query("select evidence from fct_finding where finding_type = 'retroactive_revision'"))
          .containsExactly(List.of("Inspection coverage: the monthly figure for 2025-03 from monthly_2025-03.csv (97%,"
              + " received 2025-04-05) was replaced by the weekly figures in prod_2025-03.csv (93.1% on average over"
              + " 4 weeks, received 2025-04-20): a fall where higher is better, which does not flatter the department."));
      assertThat(fixture.query("select row_role, count(*) from fct_finding_lineage"
          + " where finding_key like 'retroactive_revision:%' group by all order by 1"))
          .containsExactly(List.of("previous", 1L), List.of("revised", 4L));
    }
  }

  @Test
  void aMonthlyFigureWithinTheRoundingOfTheWeeklyOnesIsNoRevisionButOneWrittenMorePreciselyIs() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, FindingFixture.MONTH_GRAIN, MONTHLY)) {
      // given March's and April's weeks averaging 93.04 % each, then March in the monthly overview
      // workbook as the cell 0.93 shown as 93 %, and April in a monthly file as 93.2
      List<String> inspected = List.of("93.1", "92.9", "93.2", "92.96");
      List<List<String>> weeks = new ArrayList<>();
      for (int week = 0; week < 8; week++) {
        weeks.add(List.of(LocalDate.parse("2025-03-03").plusWeeks(week).toString(), "100", inspected.get(week % 4)));
      }
      fixture.prodSheet("prod_2025-03-04.csv", LocalDateTime.parse("2025-05-02T08:00"), weeks)
          .deliver("overview_2025-03.xlsx", LocalDateTime.parse("2025-05-10T08:00"), overview(0.93))
          .monthlyFile("monthly_2025-04.csv", LocalDateTime.parse("2025-05-20T08:00"),
              List.of(List.of("2025-04-01", "400", "93.2")));

      // when
      fixture.reconcile("2025-05-31");

      // then both months speak with the monthly figure
      assertThat(fixture.query("select period_label, round(reported_value, 4) from int_reported_kpi_period"
          + " where kpi_id = 'inspection_coverage' order by 1"))
          .containsExactly(List.of("2025-03", 93.0), List.of("2025-04", 93.2));
      // March's 93 % says the month to the whole percent, which 93.04 % is: no revision; April's 93.2,
      // written to a tenth, cannot be a rounding of 93.04: a revision
      assertThat(fixture.query("select period_label, round(previous_value, 4), revised_file_name, revised_value"
          + " from fct_retroactive_revision")).containsExactly(List.of("2025-04", 93.04, "monthly_2025-04.csv", 93.2));
      // the tolerance is the least precise value's half unit, in the KPI's unit: 0.5 for the
      // workbook's 0.93 (93 %), 0.05 for 93.1 and 93.2, 0.005 for 92.96
      assertThat(fixture.query("select common_period_start, side, round(max(half_unit), 6) from int_reported_grain_change"
          + " where kpi_id = 'inspection_coverage' group by all order by 1, 2")).containsExactly(
          List.of(LocalDate.parse("2025-03-01"), "previous", 0.05), List.of(LocalDate.parse("2025-03-01"), "revised", 0.5),
          List.of(LocalDate.parse("2025-04-01"), "previous", 0.05), List.of(LocalDate.parse("2025-04-01"), "revised", 0.05));
    }
  }

  @Test
  void aFirstMonthlyStatementIsNoRevision() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, FindingFixture.MONTH_GRAIN, MONTHLY)) {
      // given February's weeks, then a monthly file for March, the first statement of March
      fixture.prodSheet("prod_2025-02.csv", LocalDateTime.parse("2025-03-03T08:00"), List.of(
              List.of("2025-02-03", "100", "93.0"), List.of("2025-02-10", "100", "93.0")))
          .monthlyFile("monthly_2025-03.csv", LocalDateTime.parse("2025-04-05T08:00"),
              List.of(List.of("2025-03-01", "400", "97.0")));

      // when
      fixture.reconcile("2025-04-30");

      // then
      assertThat(fixture.query("select period_label, reported_value from int_reported_kpi_period"
          + " where kpi_id = 'inspection_coverage' order by 1"))
          .containsExactly(List.of("2025-02", 93.0), List.of("2025-03", 97.0));
      assertThat(fixture.query("select count(*) from fct_retroactive_revision").get(0).get(0)).isEqualTo(0L);
      assertThat(fixture.query("select count(*) from int_reported_grain_change").get(0).get(0)).isEqualTo(0L);
    }
  }

  @Test
  void aMonthAndTheWeekStartingOnItsFirstDayAreTwoPeriodsNotAValueAndItsRevision() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, FindingFixture.MONTH_GRAIN, MONTHLY)) {
      // given September 2025, whose 1st is a Monday: its weeks W36 to W39 at 93 %, then September at 93 %
      fixture.prodSheet("prod_2025-09.csv", LocalDateTime.parse("2025-10-01T08:00"), List.of(
              List.of("2025-09-01", "100", "93"), List.of("2025-09-08", "100", "93"),
              List.of("2025-09-15", "100", "93"), List.of("2025-09-22", "100", "93")))
          .monthlyFile("monthly_2025-09.csv", LocalDateTime.parse("2025-10-05T08:00"),
              List.of(List.of("2025-09-01", "400", "93")));

      // when
      fixture.reconcile("2025-10-31");

      // then the month did not replace the week of the same first day (400 units for the week would be a revision)
      assertThat(fixture.query("select count(*) from fct_retroactive_revision").get(0).get(0)).isEqualTo(0L);
      assertThat(fixture.query("select count(*) from int_observation_current where is_current").get(0).get(0))
          .isEqualTo(10L);
    }
  }

  /** The monthly overview workbook: March's inspection coverage in a cell formatted as a percentage. */
  static byte[] overview(double inspected) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook workbook = new Workbook(out, "Excel", "1.0");
    Worksheet sheet = workbook.newWorksheet("Overview");
    sheet.value(0, 0, "Month");
    sheet.value(0, 1, "Inspected %");
    sheet.value(1, 0, "2025-03");
    sheet.value(1, 1, inspected);
    sheet.style(1, 1).format("0%").set();
    workbook.finish();
    return out.toByteArray();
  }
}
