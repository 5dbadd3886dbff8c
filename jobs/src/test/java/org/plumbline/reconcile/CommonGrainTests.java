package org.plumbline.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources of different grains (a daily MES, a weekly sheet, a monthly CSV) compared and judged at
 * the common grain the calendar names: ISO week, month or fiscal period.
 */
class CommonGrainTests {

  @TempDir
  Path folder;

  private static String grain(String grain) {
    return FindingFixture.GOVERNANCE.replace(FindingFixture.CALENDAR,
        "- { id: DE10, timezone: Europe/Berlin, common_grain: " + grain + ", fiscal_pattern: 4-4-5 }");
  }

  @Test
  void atTheMonthGrainTheDailyMesAndTheWeeklySheetAreComparedPerMonth() throws Exception {
    // given 100% and 80% inspected in two July weeks (90% for the month, policy v2 demands 95%),
    // and a weekly sheet claiming 100% both weeks
    try (FindingFixture fixture = FindingFixture.create(folder, grain("month"), "")) {
      fixture.mesDay("2025-07-08", 100, 100).mesDay("2025-07-15", 100, 80)
          .prodSheet("prod_2025-07.csv", LocalDateTime.parse("2025-08-01T08:00"), List.of(
              List.of("2025-07-07", "100", "100"), List.of("2025-07-14", "100", "100")));

      // when
      fixture.reconcile("2025-08-05");

      // then: one breach and one discrepancy, for July as a whole
      assertThat(fixture.query("select period_label, period_start, period_end, period_grain, round(measured_value, 1),"
          + " threshold, iso_week from fct_policy_breach")).containsExactly(List.of("2025-07",
          LocalDate.parse("2025-07-01"), LocalDate.parse("2025-07-31"), "month", 90.0, 95.0, "2025-07"));
      assertThat(fixture.query("select finding_key, period_start, period_end, round(gap, 1) from fct_finding"
          + " where finding_type in ('policy_breach', 'reporting_discrepancy') order by 1")).containsExactly(
          List.of("policy_breach:POL-INSP-001/PROD/2025-07", LocalDate.parse("2025-07-01"), LocalDate.parse("2025-07-31"),
              -5.0),
          List.of("reporting_discrepancy:PROD/inspection_coverage/2025-07", LocalDate.parse("2025-07-01"),
              LocalDate.parse("2025-07-31"), 10.0));
      assertThat(fixture.query("select period_grain, period_label, round(measured_value, 1), reported_value"
          + " from v_kpi_period where kpi_id = 'inspection_coverage'"))
          .containsExactly(List.of("month", "2025-07", 90.0, 100.0));
      // the weekly view still shows the weeks, where 80% would have been a breach of its own
      assertThat(fixture.query("select iso_week, measured_value from v_kpi_week where kpi_id = 'inspection_coverage'"
          + " order by 1")).containsExactly(List.of("2025-W28", 100.0), List.of("2025-W29", 80.0));
      // the lineage of the month's breach is both MES days
      assertThat(fixture.query("select count(*) from fct_finding_lineage"
          + " where finding_key = 'policy_breach:POL-INSP-001/PROD/2025-07'").get(0).get(0)).isEqualTo(2L);
    }
  }

  @Test
  void atTheMonthGrainAWeeklyTimeIsAveragedAndAWeeklyAmountSummed() throws Exception {
    // given a lead time in days (no aggregation set: a time is averaged) and the units produced
    // (an amount: summed), reported for two July weeks
    String model = grain("month")
        .replace("\"Units\": units_produced", "\"Units\": units_produced\n      \"Lead time\": lead_time")
        .replace("\npolicies:", "\n  - { id: lead_time, name: Lead time, dimension: speed, unit: days,"
            + " direction: lower_is_better, target: 5, owner_role: head_of_quality, tolerance: 0 }\npolicies:");
    String leadSheet = """
        sources:
          - id: lead_sheet
            department: PROD
            kind: self_reported
            format: csv
            files: "lead_*.csv"
            csv: { delimiter: ",", decimal: ".", date_format: "%Y-%m-%d" }
            period: { column: Week, grain: week }
            metrics:
              - { column: Lead time }
              - { column: Units }
        """;
    try (FindingFixture fixture = FindingFixture.create(folder, model, leadSheet)) {
      fixture.deliver("lead_sheet", "lead_2025-07.csv", LocalDateTime.parse("2025-08-01T08:00"),
          List.of("Week", "Lead time", "Units"), List.of(List.of("2025-07-07", "4", "100"), List.of("2025-07-14", "6", "120")));

      // when
      fixture.reconcile("2025-08-05");

      // then July's lead time is 5 days, not 10, and its units 220
      assertThat(fixture.query("select kpi_id, reported_value from int_reported_kpi_period order by kpi_id"))
          .containsExactly(List.of("lead_time", 5.0), List.of("units_produced", 220.0));
      // and the scorecard's July holds the month's figures against the month's targets: 5 days for
      // the lead time, 5 weeks (its Thursdays: 3, 10, 17, 24, 31 July) of 100 units for the output
      assertThat(fixture.query("select period_label, speed_status, speed_on_target_count, speed_kpi_count,"
          + " speed_worst_kpi, speed_worst_value, speed_worst_target from rpt_triad_scorecard"))
          .containsExactly(List.of("2025-07", "off target", 1L, 2L, "Units produced", 220.0, 500.0));
    }
  }

  @Test
  void aMonthsDiscrepancyOnAnAmountNamesTheMonthsTarget() throws Exception {
    // given the units produced measured by the MES as well (100 a week is the target), two July
    // days of 100 measured, and the sheet claiming 110 and 120 for their weeks
    String model = grain("month").replace("    tolerance: 0\npolicies:",
        "    tolerance: 0\n    measured_by: { source: mes, numerator: produced }\npolicies:");
    try (FindingFixture fixture = FindingFixture.create(folder, model, "")) {
      fixture.mesDay("2025-07-08", 100, 100).mesDay("2025-07-15", 100, 100)
          .prodSheet("prod_2025-07.csv", LocalDateTime.parse("2025-08-01T08:00"), List.of(
              List.of("2025-07-07", "110", "100"), List.of("2025-07-14", "120", "100")));

      // when
      fixture.reconcile("2025-08-05");

      // then July's discrepancy (230 reported, 200 measured) stands beside July's target: 5 weeks of 100
      assertThat(fixture.query("select period_label, self_reported_value, measured_value, target_value from fct_finding"
          + " where finding_type = 'reporting_discrepancy' and kpi_id = 'units_produced'"))
          .containsExactly(List.of("2025-07", 230.0, 200.0, 500.0));
    }
  }

  @Test
  void aMonthlyCsvIsComparedWithTheDailyMesAtTheMonthGrain() throws Exception {
    // given a monthly CSV source of Production saying 90% for July, as the MES measures it
    String monthly = """
        sources:
          - id: prod_monthly
            department: PROD
            kind: self_reported
            format: csv
            files: "monthly_*.csv"
            csv: { delimiter: ",", decimal: ".", date_format: "%Y-%m-%d" }
            period: { column: Month, grain: month }
            metrics:
              - { column: Inspected % }
        """;
    try (FindingFixture fixture = FindingFixture.create(folder, grain("month"), monthly)) {
      fixture.mesDay("2025-07-08", 100, 100).mesDay("2025-07-15", 100, 80)
          .deliver("prod_monthly", "monthly_2025-07.csv", LocalDateTime.parse("2025-08-01T08:00"),
              List.of("Month", "Inspected %"), List.of(List.of("2025-07-01", "90")));

      // when
      fixture.reconcile("2025-08-05");

      // then: the figures agree, so only the breach (June's weekly sheet, due by the calendar, is missing)
      assertThat(fixture.query("select finding_key from fct_finding where finding_family = 'reconciliation'"
          + " and finding_type <> 'missing_submission'"))
          .containsExactly(List.of("policy_breach:POL-INSP-001/PROD/2025-07"));
      assertThat(fixture.query("select period_label, round(measured_value, 1), reported_value from v_kpi_period"
          + " where kpi_id = 'inspection_coverage'")).containsExactly(List.of("2025-07", 90.0, 90.0));
    }
  }

  @Test
  void atTheFiscalPeriodGrainEachPeriodOfThe445CalendarIsJudged() throws Exception {
    // given FY2025 from Monday 2024-12-30 in 4-4-5 periods: P07 runs 2025-06-30 .. 2025-07-27
    try (FindingFixture fixture = FindingFixture.create(folder, grain("fiscal_period"), "")) {
      fixture.mesDay("2025-07-08", 100, 100).mesDay("2025-07-22", 100, 80).mesDay("2025-07-28", 100, 100);

      // when
      fixture.reconcile("2025-08-05");

      // then: P07 holds 90% and is breached; P08 (from 2025-07-28) is met
      assertThat(fixture.query("select finding_key, period_start, period_end from fct_finding"
          + " where finding_type = 'policy_breach'")).containsExactly(List.of("policy_breach:POL-INSP-001/PROD/FY2025-P07",
          LocalDate.parse("2025-06-30"), LocalDate.parse("2025-07-27")));
      assertThat(fixture.query("select period_label, measured_value from v_kpi_period order by 1")).containsExactly(
          List.of("FY2025-P07", 90.0), List.of("FY2025-P08", 100.0));
    }
  }

  @Test
  void atTheDefaultWeekGrainTheFindingsAreTheWeeklyOnes() throws Exception {
    // given the same July as at the month grain
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      fixture.mesDay("2025-07-08", 100, 100).mesDay("2025-07-15", 100, 80);

      // when
      fixture.reconcile("2025-08-05");

      // then: the 80% week alone is breached
      assertThat(fixture.query("select finding_key, period_start, period_end from fct_finding"
          + " where finding_type = 'policy_breach'")).containsExactly(List.of("policy_breach:POL-INSP-001/PROD/2025-W29",
          LocalDate.parse("2025-07-14"), LocalDate.parse("2025-07-20")));
    }
  }

  @Test
  void aWeekDatedByItsFridayIsThatIsoWeekInEveryLayer() throws Exception {
    // given a weekly sheet dated "week ending" Friday: W28 (Fri 11.07.) 100%, W29 (Fri 18.07.) 80%,
    // exactly as the MES measured those weeks
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      fixture.mesDay("2025-07-08", 100, 100).mesDay("2025-07-15", 100, 80)
          .prodSheet("prod_2025-07.csv", LocalDateTime.parse("2025-07-21T08:00"), List.of(
              List.of("2025-07-11", "100", "100"), List.of("2025-07-18", "100", "80")));

      // when
      fixture.reconcile("2025-07-31");

      // then: the weekly and the period tables agree, and correct figures are no discrepancy
      assertThat(fixture.query("select iso_week, reported_value from int_reported_kpi_weekly"
          + " where kpi_id = 'inspection_coverage' order by 1"))
          .containsExactly(List.of("2025-W28", 100.0), List.of("2025-W29", 80.0));
      assertThat(fixture.query("select period_label, period_start, reported_value from int_reported_kpi_period"
          + " where kpi_id = 'inspection_coverage' order by 1")).containsExactly(
          List.of("2025-W28", LocalDate.parse("2025-07-07"), 100.0),
          List.of("2025-W29", LocalDate.parse("2025-07-14"), 80.0));
      assertThat(fixture.query("select count(*) from fct_finding where finding_type = 'reporting_discrepancy'")
          .get(0).get(0)).isEqualTo(0L);
      assertThat(fixture.query("select period_label, round(measured_value, 1), reported_value from v_kpi_period"
          + " where kpi_id = 'inspection_coverage' order by 1"))
          .containsExactly(List.of("2025-W28", 100.0, 100.0), List.of("2025-W29", 80.0, 80.0));
    }
  }

  @Test
  void atTheMonthGrainAWeekDatedByItsFridayCountsInTheMonthOfItsThursday() throws Exception {
    // given W31 (Mon 28.07. .. Sun 03.08., Thursday 31.07.) dated by its Friday 01.08.
    try (FindingFixture fixture = FindingFixture.create(folder, grain("month"), "")) {
      fixture.prodSheet("prod_2025-07.csv", LocalDateTime.parse("2025-08-04T08:00"), List.of(
          List.of("2025-07-11", "100", "100"), List.of("2025-08-01", "50", "100")));

      // when
      fixture.reconcile("2025-08-05");

      // then: both weeks are July's
      assertThat(fixture.query("select period_label, reported_value, value_count from int_reported_kpi_period"
          + " where kpi_id = 'units_produced' order by 1")).containsExactly(List.of("2025-07", 150.0, 2L));
    }
  }
}
