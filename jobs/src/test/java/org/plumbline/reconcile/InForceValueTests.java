package org.plumbline.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which delivered value is in force (int_observation_current) and what a change of it is
 * (fct_retroactive_revision): a period is taken at its source's grain, a department's figure
 * for a KPI is one statement whichever of its sources it came through, and a new version of a
 * document replaces the whole document.
 */
class InForceValueTests {

  @TempDir
  Path folder;

  /** Production's monthly figures: a month dated by any of its days. */
  static final String MONTHLY = """
      sources:
        - id: prod_monthly
          department: PROD
          kind: self_reported
          format: csv
          files: "monthly_*.csv"
          csv: { delimiter: ",", decimal: ".", date_format: "%Y-%m-%d" }
          period: { column: Month, grain: month }
          metrics:
            - { column: Units }
      """;

  /** Production's quarterly overview, weekly like its sheet: a second source of the same figures. */
  static final String OVERVIEW = """
      sources:
        - id: prod_overview
          department: PROD
          kind: self_reported
          format: csv
          files: "overview_*.csv"
          csv: { delimiter: ",", decimal: ".", date_format: "%Y-%m-%d" }
          period: { column: Week, grain: week }
          metrics:
            - { column: Units }
      """;

  static final List<String> MONTH_HEADER = List.of("Month", "Units");

  @Test
  void aMonthlyCorrectionDatedByTheMonthsLastDayReplacesTheOriginalAndIsARevision() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, FindingFixture.MONTH_GRAIN, MONTHLY)) {
      // given Q1 dated by the first of each month, then corrected dated by the last, March 12000 -> 12500
      fixture.deliver("prod_monthly", "monthly_2025-Q1.csv", LocalDateTime.parse("2025-04-03T08:00"), MONTH_HEADER,
              List.of(List.of("2025-01-01", "10000"), List.of("2025-02-01", "11000"), List.of("2025-03-01", "12000")))
          .deliver("prod_monthly", "monthly_2025-Q1_fixed.csv", LocalDateTime.parse("2025-04-20T08:00"), MONTH_HEADER,
              List.of(List.of("2025-01-31", "10000"), List.of("2025-02-28", "11000"), List.of("2025-03-31", "12500")));

      // when
      fixture.reconcile("2025-04-30");

      // then: the correction replaced the original, month by month
      assertThat(fixture.query("select period_label, reported_value, value_count, load_ids::varchar"
          + " from int_reported_kpi_period where kpi_id = 'units_produced' order by 1")).containsExactly(
          List.of("2025-01", 10000.0, 1L, "[2]"), List.of("2025-02", 11000.0, 1L, "[2]"),
          List.of("2025-03", 12500.0, 1L, "[2]"));
      // and March's change is a revision, labelled by its month as every period of this home is
      assertThat(fixture.query("select period_date, previous_file_name, previous_value, revised_file_name,"
          + " revised_value, direction from fct_retroactive_revision")).containsExactly(List.of(
          LocalDate.parse("2025-03-01"), "monthly_2025-Q1.csv", 12000.0, "monthly_2025-Q1_fixed.csv", 12500.0, "up"));
      assertThat(fixture.query("select finding_key, period_label, period_start, period_end, self_reported_value, gap"
          + " from fct_finding where finding_type = 'retroactive_revision'")).containsExactly(List.of(
          "retroactive_revision:prod_monthly/Units/2025-03-01/load 2", "2025-03", LocalDate.parse("2025-03-01"),
          LocalDate.parse("2025-03-31"), 12500.0, 500.0));
      assertThat(fixture.query("select row_role, count(*) from fct_finding_lineage"
          + " where finding_key like 'retroactive_revision:%' group by all order by 1"))
          .containsExactly(List.of("previous", 1L), List.of("revised", 1L));
    }
  }

  @Test
  void aRevisionAtTheWeekGrainIsLabelledByItsWeek() throws Exception {
    // given the weekly sheet sent again with W24 polished from 100 to 120 (common grain: week)
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      fixture.prodSheet("prod_2025-06.csv", LocalDateTime.parse("2025-07-03T08:00"), List.of(
              List.of("2025-06-09", "100", "100")))
          .prodSheet("prod_2025-06_v2.csv", LocalDateTime.parse("2025-07-20T08:00"), List.of(
              List.of("2025-06-09", "120", "100")));

      // when
      fixture.reconcile("2025-07-31");

      // then
      assertThat(fixture.query("select period_label, period_start, period_end from fct_finding"
          + " where finding_type = 'retroactive_revision'")).containsExactly(List.of("2025-W24",
          LocalDate.parse("2025-06-09"), LocalDate.parse("2025-06-15")));
    }
  }

  @Test
  void theSameKpiFromTwoSourcesOfOneDepartmentIsOneStatementTheLatestInForce() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, OVERVIEW)) {
      // given W24 and W25 in the weekly sheet, then W24 and W25 again in the quarterly overview
      fixture.prodSheet("prod_2025-06.csv", LocalDateTime.parse("2025-07-03T08:00"), List.of(
              List.of("2025-06-09", "100", "100"), List.of("2025-06-16", "100", "100")))
          .deliver("prod_overview", "overview_2025-Q2.csv", LocalDateTime.parse("2025-07-10T08:00"),
              List.of("Week", "Units"), List.of(List.of("2025-06-09", "100"), List.of("2025-06-16", "90")));

      // when
      fixture.reconcile("2025-07-31");

      // then: never the sum: the overview, received later, is in force
      assertThat(fixture.query("select iso_week, reported_value, value_count, load_ids::varchar"
          + " from int_reported_kpi_weekly where kpi_id = 'units_produced' order by 1")).containsExactly(
          List.of("2025-W24", 100.0, 1L, "[2]"), List.of("2025-W25", 90.0, 1L, "[2]"));
      assertThat(fixture.query("select period_label, reported_value from int_reported_kpi_period"
          + " where kpi_id = 'units_produced' order by 1"))
          .containsExactly(List.of("2025-W24", 100.0), List.of("2025-W25", 90.0));
      // and the changed week is a revision from one source to the other; the same figure is none
      assertThat(fixture.query("select source_id, iso_week, previous_file_name, previous_value, revised_file_name,"
          + " revised_value from fct_retroactive_revision")).containsExactly(List.of("prod_overview", "2025-W25",
          "prod_2025-06.csv", 100.0, "overview_2025-Q2.csv", 90.0));
      assertThat(fixture.query("select row_role, load_id from fct_finding_lineage"
          + " where finding_key like 'retroactive_revision:%' order by 1"))
          .containsExactly(List.of("previous", 1L), List.of("revised", 2L));
      // the inspection coverage only the sheet reports stays in force from it
      assertThat(fixture.query("select count(*) from int_reported_kpi_weekly where kpi_id = 'inspection_coverage'")
          .get(0).get(0)).isEqualTo(2L);
    }
  }

  @Test
  void aPeriodTheNewestVersionOfADocumentNoLongerHoldsIsWithdrawn() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      // given prod_2025.csv with W24 and a mistaken W25, then the same file again without W25
      fixture.prodSheet("prod_2025.csv", LocalDateTime.parse("2025-07-03T08:00"), List.of(
              List.of("2025-06-09", "100", "100"), List.of("2025-06-16", "999", "100")))
          .prodSheet("prod_2025.csv", LocalDateTime.parse("2025-07-06T08:00"), List.of(
              List.of("2025-06-09", "100", "100")));

      // when
      fixture.reconcile("2025-07-31");

      // then: W25 is no longer reported, in any layer
      assertThat(fixture.query("select kpi_id, iso_week, reported_value, load_ids::varchar"
          + " from int_reported_kpi_weekly order by 1, 2")).containsExactly(
          List.of("inspection_coverage", "2025-W24", 100.0, "[2]"), List.of("units_produced", "2025-W24", 100.0, "[2]"));
      assertThat(fixture.query("select kpi_id, period_label from int_reported_kpi_period order by 1, 2"))
          .containsExactly(List.of("inspection_coverage", "2025-W24"), List.of("units_produced", "2025-W24"));
      assertThat(fixture.query("select count(*) from v_observation where is_current and load_id = 1").get(0).get(0))
          .isEqualTo(0L);
      // and the withdrawal is a revision of each value, without a revised value
      assertThat(fixture.query("select metric_name, iso_week, previous_load_id, previous_value, revised_load_id,"
          + " revised_value, revision, direction, is_withdrawal, is_flattering from fct_retroactive_revision order by 1"))
          .containsExactly(
              Arrays.asList("Inspected %", "2025-W25", 1L, 100.0, 2L, null, null, "withdrawn", true, false),
              Arrays.asList("Units", "2025-W25", 1L, 999.0, 2L, null, null, "withdrawn", true, false));
      assertThat(fixture.query("select finding_key, period_label, self_reported_value, gap, evidence from fct_finding"
          + " where finding_type = 'retroactive_revision' and kpi_id = 'units_produced'")).containsExactly(Arrays.asList(
          "retroactive_revision:prod_sheet/Units/2025-06-16/load 2", "2025-W25", null, null,
          "Units produced: the 999 units for 2025-W25 from prod_2025.csv (received 2025-07-03) was withdrawn:"
              + " the newer version received 2025-07-06 no longer holds that period."));
      assertThat(fixture.query("select row_role, load_id, row_number from fct_finding_lineage"
          + " where finding_key = 'retroactive_revision:prod_sheet/Units/2025-06-16/load 2'"))
          .containsExactly(List.of("previous", 1L, 3));
    }
  }

  @Test
  void aPeriodTheNewestVersionHoldsOnlyInAQuarantinedRowIsUnreadableNotWithdrawn() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      // given prod_2025.csv with W24 and W25, then the same file again with "n/a" typed over W25's units
      fixture.prodSheet("prod_2025.csv", LocalDateTime.parse("2025-07-03T08:00"), List.of(
              List.of("2025-06-09", "100", "100"), List.of("2025-06-16", "999", "100")))
          .prodSheet("prod_2025.csv", LocalDateTime.parse("2025-07-06T08:00"), List.of(
              List.of("2025-06-09", "100", "100"), List.of("2025-06-16", "n/a", "100")));

      // when
      fixture.reconcile("2025-07-31");

      // then W25 has no value in force, and each of its values is unreadable, naming the row and why
      assertThat(fixture.query("select iso_week from int_reported_kpi_weekly where kpi_id = 'units_produced'"))
          .containsExactly(List.of("2025-W24"));
      assertThat(fixture.query("select metric_name, iso_week, previous_value, revised_load_id, revised_value,"
          + " direction, is_withdrawal, quarantined_row_number, quarantine_reason"
          + " from fct_retroactive_revision order by 1")).containsExactly(
              Arrays.asList("Inspected %", "2025-W25", 100.0, 2L, null, "unreadable", true, 3,
                  "The value \"n/a\" in column \"Units\" is not a number."),
              Arrays.asList("Units", "2025-W25", 999.0, 2L, null, "unreadable", true, 3,
                  "The value \"n/a\" in column \"Units\" is not a number."));
      assertThat(fixture.query("select evidence from fct_finding where finding_type = 'retroactive_revision'"
          + " and kpi_id = 'units_produced'")).containsExactly(List.of(
          "Units produced: the 999 units for 2025-W25 from prod_2025.csv (received 2025-07-03) is no longer in force:"
              + " the newer version received 2025-07-06 holds that period in line 3, which could not be read:"
              + " The value \"n/a\" in column \"Units\" is not a number."));
    }
  }

  @Test
  void aPeriodWithdrawnFromOneDocumentIsReportedFromAnotherThatHoldsIt() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      // given W25 in June's sheet, then in prod_2025.csv (a mistake), then prod_2025.csv without it
      fixture.prodSheet("prod_2025-06.csv", LocalDateTime.parse("2025-07-01T08:00"), List.of(
              List.of("2025-06-16", "100", "100")))
          .prodSheet("prod_2025.csv", LocalDateTime.parse("2025-07-03T08:00"), List.of(
              List.of("2025-06-09", "100", "100"), List.of("2025-06-16", "999", "100")))
          .prodSheet("prod_2025.csv", LocalDateTime.parse("2025-07-06T08:00"), List.of(
              List.of("2025-06-09", "100", "100")));

      // when
      fixture.reconcile("2025-07-31");

      // then: the other document's W25 is in force again
      assertThat(fixture.query("select iso_week, reported_value, load_ids::varchar from int_reported_kpi_weekly"
          + " where kpi_id = 'units_produced' order by 1"))
          .containsExactly(List.of("2025-W24", 100.0, "[3]"), List.of("2025-W25", 100.0, "[1]"));
      assertThat(fixture.query("select metric_name, previous_value, revised_value, direction"
          + " from fct_retroactive_revision where metric_name = 'Units' order by 2")).containsExactly(
          List.of("Units", 100.0, 999.0, "up"), Arrays.asList("Units", 999.0, null, "withdrawn"));
    }
  }

  @Test
  void aVersionThatKeepsEveryPeriodWithdrawsNothing() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      // given the same file sent again with one value changed
      fixture.prodSheet("prod_2025.csv", LocalDateTime.parse("2025-07-03T08:00"), List.of(
              List.of("2025-06-09", "100", "100"), List.of("2025-06-16", "100", "100")))
          .prodSheet("prod_2025.csv", LocalDateTime.parse("2025-07-06T08:00"), List.of(
              List.of("2025-06-09", "100", "100"), List.of("2025-06-16", "110", "100")));

      // when
      fixture.reconcile("2025-07-31");

      // then
      assertThat(fixture.query("select metric_name, iso_week, previous_value, revised_value, direction"
          + " from fct_retroactive_revision")).containsExactly(List.of("Units", "2025-W25", 100.0, 110.0, "up"));
      // and its finding says what the value was and became, in which files, and that a rise of a KPI
      // that is better higher flatters the department
      assertThat(fixture.query("select evidence, evidence_key, evidence_args from fct_finding"
          + " where finding_type = 'retroactive_revision'")).containsExactly(List.of(
          "Units produced: the 100 units for 2025-W25 from prod_2025.csv (received 2025-07-03) was changed to"
              + " 110 units in prod_2025.csv (received 2025-07-06): a rise where higher is better, which flatters"
              + " the department.",
          "evidence.retroactive_revision.changed",
          "[\"Units produced\",{\"value\":100.0,\"unit\":\"units\"},\"2025-W25\",\"prod_2025.csv\","
              + "{\"date\":\"2025-07-03\"},{\"date\":\"2025-07-06\"},null,null,null,"
              + "{\"value\":110.0,\"unit\":\"units\"},\"prod_2025.csv\","
              + "{\"word\":\"evidence.revision.rise.flattering\"}]"));
    }
  }

  @Test
  void theControlChartsSubgroupsHoldOnlyTheValuesInForce() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      // given W24 sent, corrected in a second file, and W25 withdrawn by a new version of the first
      fixture.prodSheet("prod_2025.csv", LocalDateTime.parse("2025-07-03T08:00"), List.of(
              List.of("2025-06-09", "100", "100"), List.of("2025-06-16", "999", "100")))
          .prodSheet("prod_2025_fix.csv", LocalDateTime.parse("2025-07-04T08:00"), List.of(
              List.of("2025-06-09", "110", "100")))
          .prodSheet("prod_2025.csv", LocalDateTime.parse("2025-07-06T08:00"), List.of(
              List.of("2025-06-09", "100", "100")));

      // when
      fixture.reconcile("2025-07-31");

      // then: one value in W24's subgroup, the latest received; W25 is no longer in the series
      assertThat(fixture.query("select strftime(week_start, '%G-W%V'), value, subgroup_size, subgroup_mean"
          + " from int_kpi_series_weekly where kpi_id = 'units_produced' order by 1"))
          .containsExactly(List.of("2025-W24", 100.0, 1L, 100.0));
    }
  }

  @Test
  void theSameKpiFromTwoSourcesOfDifferentGrainsIsOneStatementPerPeriodTheLatestInForce() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, FindingFixture.MONTH_GRAIN, MONTHLY)) {
      // given July's weeks W28 and W29 in the weekly sheet (100 each), then July in the monthly file
      fixture.prodSheet("prod_2025-07.csv", LocalDateTime.parse("2025-08-01T08:00"), List.of(
              List.of("2025-07-07", "100", "100"), List.of("2025-07-14", "100", "100")))
          .deliver("prod_monthly", "monthly_2025-07.csv", LocalDateTime.parse("2025-08-03T08:00"), MONTH_HEADER,
              List.of(List.of("2025-07-01", "250")));

      // when
      fixture.reconcile("2025-08-05");

      // then: July is the monthly figure, received later, not 450
      assertThat(fixture.query("select period_label, reported_value, value_count, load_ids::varchar"
          + " from int_reported_kpi_period where kpi_id = 'units_produced'"))
          .containsExactly(List.of("2025-07", 250.0, 1L, "[2]"));
      // the inspection coverage only the weekly sheet states stays in force from it
      assertThat(fixture.query("select period_label, reported_value from int_reported_kpi_period"
          + " where kpi_id = 'inspection_coverage'")).containsExactly(List.of("2025-07", 100.0));

      // and when the weekly sheet is sent again afterwards, its weeks speak for July
      fixture.prodSheet("prod_2025-07_v2.csv", LocalDateTime.parse("2025-08-04T08:00"), List.of(
          List.of("2025-07-07", "100", "100"), List.of("2025-07-14", "110", "100")));
      fixture.reconcile("2025-08-05");
      assertThat(fixture.query("select period_label, reported_value, value_count, load_ids::varchar"
          + " from int_reported_kpi_period where kpi_id = 'units_produced'"))
          .containsExactly(List.of("2025-07", 210.0, 2L, "[3]"));
    }
  }
}
