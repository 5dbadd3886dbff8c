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
  void atTheMonthGrainTheScorecardCountsComplaintsInTheMonthsThePolicyPagesDo() throws Exception {
    // given the CRM's monthly exports of complaints (1 a week is the target): June's empty, July's
    // with two on 16 and 24 July, August's with one on Friday 1 August, in 2025-W31 whose Thursday
    // is 31 July
    try (FindingFixture fixture = FindingFixture.create(folder, grain("month"), COMPLAINTS + CountKpiCoverageTests.CALENDAR)) {
      fixture.deliver("crm", "crm_2025-06.csv", LocalDateTime.parse("2025-07-02T03:00"), CountKpiCoverageTests.HEADER,
              List.of())
          .deliver("crm", "crm_2025-07.csv", LocalDateTime.parse("2025-08-02T03:00"), CountKpiCoverageTests.HEADER,
              List.of(List.of("C1", "2025-07-16"), List.of("C2", "2025-07-24")))
          .deliver("crm", "crm_2025-08.csv", LocalDateTime.parse("2025-09-02T03:00"), CountKpiCoverageTests.HEADER,
              List.of(List.of("C3", "2025-08-01")));

      // when
      fixture.reconcile("2025-09-05");

      // then each month holds the complaints received in it, as v_kpi_period counts them (July 2,
      // August 1), against its weeks' targets; June, exported without a complaint, has 0 of them
      assertThat(fixture.query("select period_label, quality_status, quality_worst_kpi, quality_worst_value,"
          + " quality_worst_target from rpt_triad_scorecard order by period_start")).containsExactly(
          List.of("2025-06", "on target", "Customer complaints", 0.0, 4.0),
          List.of("2025-07", "on target", "Customer complaints", 2.0, 5.0),
          List.of("2025-08", "on target", "Customer complaints", 1.0, 4.0));
      assertThat(fixture.query("select period_label, measured_value from v_kpi_period"
          + " where kpi_id = 'customer_complaints' order by period_start"))
          .containsExactly(List.of("2025-06", 0.0), List.of("2025-07", 2.0), List.of("2025-08", 1.0));
    }
  }

  @Test
  void aMonthExportedWithoutAComplaintMeetsTheComplaintsPolicyAndEndsItsBreach() throws Exception {
    // given a policy of at most 1 complaint a month, July's export with two, and August's empty
    String policy = """
        policies:
          - id: POL-CMP-001
            version: 1
            statement: At most one customer complaint a month.
            kpi: customer_complaints
            comparator: "<="
            threshold: 1
            owner_role: head_of_quality
            severity: high
            effective_from: 2025-01-01
        """;
    try (FindingFixture fixture = FindingFixture.create(folder, grain("month"),
        COMPLAINTS + CountKpiCoverageTests.CALENDAR.replace("2025-06-01", "2025-07-01") + policy)) {
      fixture.deliver("crm", "crm_2025-07.csv", LocalDateTime.parse("2025-08-02T03:00"), CountKpiCoverageTests.HEADER,
              List.of(List.of("C1", "2025-07-16"), List.of("C2", "2025-07-24")))
          .deliver("crm", "crm_2025-08.csv", LocalDateTime.parse("2025-09-02T03:00"), CountKpiCoverageTests.HEADER,
              List.of());

      // when
      fixture.reconcile("2025-09-05");

      // then July is breached, and August, with nothing to count, is judged: met, so the policy
      // page states August's 0 and no breach running, rather than July's 2 as the latest figure
      assertThat(fixture.query("select period_label, measured_value from fct_policy_breach"))
          .containsExactly(List.of("2025-07", 2.0));
      assertThat(fixture.query("select latest_period, measured_value, breached_since from rpt_policy_execution"
          + " where policy_id = 'POL-CMP-001'")).containsExactly(Arrays.asList("2025-08", 0.0, null));
    }
  }

  @Test
  void theWeeklyScorecardAnalystsReadHoldsTheSameWeeksAtTheWeekGrainAsBefore() throws Exception {
    assertThat(weeklyScorecard("week")).containsExactlyElementsOf(WEEKLY_SCORECARD);
  }

  @Test
  void atTheMonthGrainTheWeeklyScorecardStillHoldsTheWeeks() throws Exception {
    assertThat(weeklyScorecard("month")).containsExactlyElementsOf(WEEKLY_SCORECARD);
  }

  /**
   * mart_triad_scorecard of July 2025 at {@code grain}: the MES inspecting 100 of 100 critical parts on
   * 8 July and 240 of 300 on 10 July (2025-W28: 85%), 80 of 100 on 15 July (2025-W29); Production's
   * sheet saying 110 and 90 units; the CRM's complaints (1 a week is the target), June's export
   * empty, July's with one on 16 July.
   */
  private List<List<Object>> weeklyScorecard(String grain) throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, grain(grain), COMPLAINTS + CountKpiCoverageTests.CALENDAR)) {
      fixture.mesDay("2025-07-08", 100, 100).mesDay("2025-07-10", 300, 240).mesDay("2025-07-15", 100, 80)
          .prodSheet("prod_2025-07.csv", LocalDateTime.parse("2025-08-01T08:00"), List.of(
              List.of("2025-07-07", "110", "100"), List.of("2025-07-14", "90", "100")))
          .deliver("crm", "crm_2025-06.csv", LocalDateTime.parse("2025-07-02T03:00"), CountKpiCoverageTests.HEADER,
              List.of())
          .deliver("crm", "crm_2025-07.csv", LocalDateTime.parse("2025-08-02T03:00"), CountKpiCoverageTests.HEADER,
              List.of(List.of("C1", "2025-07-16")));
      fixture.reconcile("2025-08-05");
      return fixture.query("select * from mart_triad_scorecard order by week_start");
    }
  }

  /**
   * The weeks of weeklyScorecard, as mart_triad_scorecard held them before the scorecard read
   * v_kpi_period: June's weeks and 2025-W27 (its Thursday is 3 July) zero complaints from June's
   * empty export, W28 and W29 the inspection coverage furthest off, the units against 100 a week.
   * Not 2025-W31 (28 July to 3 August): no August export has spoken for its last days.
   */
  private static final List<List<Object>> WEEKLY_SCORECARD = List.of(
      noComplaintOnly("2025-W23", "2025-06-02"), noComplaintOnly("2025-W24", "2025-06-09"),
      noComplaintOnly("2025-W25", "2025-06-16"), noComplaintOnly("2025-W26", "2025-06-23"),
      noComplaintOnly("2025-W27", "2025-06-30"),
      Arrays.asList("PROD", "2025-W28", LocalDate.parse("2025-07-07"), 2L, 1L, "off target", "inspection_coverage", 85.0,
          100.0, 0L, 0L, "not reported", null, null, null, 1L, 1L, "on target", "units_produced", 110.0, 100.0),
      Arrays.asList("PROD", "2025-W29", LocalDate.parse("2025-07-14"), 2L, 1L, "off target", "inspection_coverage", 80.0,
          100.0, 0L, 0L, "not reported", null, null, null, 1L, 0L, "off target", "units_produced", 90.0, 100.0),
      noComplaintOnly("2025-W30", "2025-07-21"));

  /** A week whose one KPI value is no complaint (0, against 1): quality on target, cost and speed not reported. */
  private static List<Object> noComplaintOnly(String isoWeek, String monday) {
    return Arrays.asList("PROD", isoWeek, LocalDate.parse(monday), 1L, 1L, "on target", "customer_complaints", 0.0, 1.0,
        0L, 0L, "not reported", null, null, null, 0L, 0L, "not reported", null, null, null);
  }

  /** CountKpiCoverageTests' complaints with a target of 1 a week, so that a month's target is its weeks. */
  private static final String COMPLAINTS = CountKpiCoverageTests.COMPLAINTS.replace("target: 0", "target: 1");

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

      // then: P07 holds 90% and is breached; P08 (2025-07-28 .. 2025-08-24) is still running, so its
      // one day is no figure yet
      assertThat(fixture.query("select finding_key, period_start, period_end from fct_finding"
          + " where finding_type = 'policy_breach'")).containsExactly(List.of("policy_breach:POL-INSP-001/PROD/FY2025-P07",
          LocalDate.parse("2025-06-30"), LocalDate.parse("2025-07-27")));
      assertThat(fixture.query("select period_label, measured_value from v_kpi_period order by 1")).containsExactly(
          List.of("FY2025-P07", 90.0), Arrays.asList("FY2025-P08", null));
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
