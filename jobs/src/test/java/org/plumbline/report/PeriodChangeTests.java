package org.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.system.SqlScript;

/**
 * "What changed since the last period" as the rpt_ models compute it: the reporting periods
 * (by the calendar, or by the fiscal calendar), the finding subjects new, worse, resolved or better than in
 * the period before, and the KPIs' movement, from hand-made findings and weekly KPI values.
 */
class PeriodChangeTests {

  @TempDir
  Path dir;

  @Test
  void calendarPeriodsAreTheLastCompleteWeekMonthAndQuarterBeforeTheAsOfDate() throws Exception {
    for (String asOf : List.of("2026-01-06", "2026-01-01", "2025-12-31", "2025-03-31", "2024-02-29", "2026-01-05")) {
      for (String grain : List.of("week", "month")) {
        // given
        try (Connection duckdb = RptFixtures.open(dir.resolve(asOf + "-" + grain + ".duckdb"))) {
          // when
          RptFixtures.reportPeriods(duckdb, asOf, grain);

          // then: the same as java.time works them out
          for (String kind : List.of("week", "month", "quarter")) {
            assertThat(RptFixtures.rows(duckdb, "select period_start, period_end, previous_start, period_label, previous_label"
                + " from rpt_report_period where period_kind = '" + kind + "'"))
                .as("%s as of %s at the %s grain", kind, asOf, grain)
                .containsExactly(calendarPeriod(kind, LocalDate.parse(asOf)));
          }
        }
      }
    }
  }

  @Test
  void atTheFiscalGrainAMonthIsAFiscalPeriodAndAQuarterAFiscalQuarter() throws Exception {
    // given a 4-4-5 fiscal year from the Monday of the week holding 1 January: FY2025 runs from
    // 30 Dec 2024 to 28 Dec 2025, its Q3 from 30 Jun (P07 30 Jun-27 Jul, P08 28 Jul-24 Aug)
    try (Connection duckdb = RptFixtures.open(dir.resolve("fiscal.duckdb"))) {
      // when: as of Tuesday 5 August 2025, in P08
      RptFixtures.reportPeriods(duckdb, "2025-08-05", "fiscal_period");

      // then the last complete fiscal period is P07 and quarter Q2; a week is still the ISO week
      assertThat(RptFixtures.rows(duckdb, "select period_kind, period_start, period_end, previous_start, previous_end,"
          + " period_label, previous_label from rpt_report_period")).containsExactly(
          "month 2025-06-30 2025-07-27 2025-05-26 2025-06-29 FY2025-P07 FY2025-P06",
          "quarter 2025-03-31 2025-06-29 2024-12-30 2025-03-30 FY2025-Q2 FY2025-Q1",
          "week 2025-07-28 2025-08-03 2025-07-21 2025-07-27 2025-W31 2025-W30");
    }
  }

  @Test
  void atTheFiscalGrainTheFiscalYearsLastPeriodAndQuarterAreReportedInTheNextYear() throws Exception {
    // given FY2026 starting on Monday 29 December 2025
    try (Connection duckdb = RptFixtures.open(dir.resolve("fiscal-year-end.duckdb"))) {
      // when: as of 5 January 2026
      RptFixtures.reportPeriods(duckdb, "2026-01-05", "fiscal_period");

      // then: P12 (five weeks, 24 Nov-28 Dec) and Q4 of FY2025
      assertThat(RptFixtures.rows(duckdb, "select period_kind, period_start, period_end, previous_start, period_label,"
          + " previous_label from rpt_report_period where period_kind <> 'week'")).containsExactly(
          "month 2025-11-24 2025-12-28 2025-10-27 FY2025-P12 FY2025-P11",
          "quarter 2025-09-29 2025-12-28 2025-06-30 FY2025-Q4 FY2025-Q3");
    }
  }

  @Test
  void comparesFindingsAndKpisOfTheQuarterWithTheQuarterBefore() throws Exception {
    // given: as of 2026-01-06, the quarter is 2025-Q4 and the one before 2025-Q3
    try (Connection duckdb = RptFixtures.open(dir.resolve("change.duckdb"))) {
      RptFixtures.reportPeriods(duckdb, "2026-01-06", "week");
      RptFixtures.execute(duckdb, """
          create table dim_department as select * from (values ('PROD', 'Production'), ('QUAL', 'Quality'))
            as t(department_code, department_name);
          -- coverage measured as a ratio by the MES, OEE a count the MES sums per week, scrap self-reported
          create table dim_kpi as select * from (values
              ('KPI-COV', 'Inspection coverage', 'percent', 'higher_is_better', 100.0, 'mes', 'produced', 'mean'),
              ('KPI-SCRAP', 'Scrap rate', 'percent', 'lower_is_better', 2.0, null, null, 'mean'),
              ('KPI-OEE', 'OEE', 'count', 'higher_is_better', 60.0, 'mes', null, 'sum'))
            as t(kpi_id, kpi_name, unit, direction, target, measured_source_id, denominator_measure, aggregation);
          -- subject as rpt_finding.sql gives it: the policy, else the KPI, else the finding
          create table rpt_finding as select *, coalesce(policy_id, kpi_id, finding_key) as subject,
                 coalesce(policy_id, kpi_name) as subject_name, 'percent' as unit,
                 finding_key = 'f11' as is_covered_by_deviation from (values
              -- POL-A: 2 weeks in Q3 (gap 10), 3 in Q4 (gap 30): worsened
              ('policy_breach', 'PROD', 'Production', 'POL-A', 'KPI-COV', 'Inspection coverage', 'f1', 4, -10.0, date '2025-08-04', date '2025-08-10', 'new'),
              ('policy_breach', 'PROD', 'Production', 'POL-A', 'KPI-COV', 'Inspection coverage', 'f2', 4, -8.0, date '2025-08-11', date '2025-08-17', 'new'),
              ('policy_breach', 'PROD', 'Production', 'POL-A', 'KPI-COV', 'Inspection coverage', 'f3', 4, -30.0, date '2025-10-06', date '2025-10-12', 'new'),
              ('policy_breach', 'PROD', 'Production', 'POL-A', 'KPI-COV', 'Inspection coverage', 'f4', 4, -20.0, date '2025-10-13', date '2025-10-19', 'new'),
              ('policy_breach', 'PROD', 'Production', 'POL-A', 'KPI-COV', 'Inspection coverage', 'f5', 4, -20.0, date '2025-10-20', date '2025-10-26', 'new'),
              -- a revision only in Q3: resolved; a late submission only in Q4: new
              ('retroactive_revision', 'QUAL', 'Quality', null, 'KPI-SCRAP', 'Scrap rate', 'f6', 2, null, date '2025-07-07', date '2025-07-13', 'new'),
              ('late_submission', 'QUAL', 'Quality', null, 'KPI-OEE', 'OEE', 'f7', 2, null, date '2025-11-01', date '2025-11-30', 'new'),
              -- an early warning over both quarters with no gap: unchanged; a Q2 finding: in neither
              ('early_warning', 'PROD', 'Production', null, 'KPI-SCRAP', 'Scrap rate', 'f8', 3, null, date '2025-09-01', date '2025-12-28', 'current'),
              ('rogue_metric', 'PROD', 'Production', null, null, null, 'f9', 1, null, date '2025-05-05', date '2025-05-11', 'new'),
              -- resolved since the previous run: no period, not counted
              ('policy_breach', 'PROD', null, null, 'KPI-COV', null, 'f10', 4, null, null, null, 'resolved'),
              -- POL-B fell short in Q4 inside an approved deviation: a concession, not a new finding
              ('policy_breach', 'PROD', 'Production', 'POL-B', 'KPI-COV', 'Inspection coverage', 'f11', 4, -15.0, date '2025-10-06', date '2025-10-12', 'new'))
            as t(finding_type, department_code, department_name, policy_id, kpi_id, kpi_name, finding_key,
                 severity_weight, gap, period_start, period_end, status);
          -- every week of both quarters, at the week grain: coverage of 100 parts a week, scrap one
          -- reported figure a week, OEE the MES's weekly count
          create table fixture_week as
          select w::date as week_start, w < date '2025-10-01' as is_q3
          from range(date '2025-06-30', date '2026-01-05', interval 7 day) as t(w);
          create table int_measured_kpi_period as
          select 'KPI-COV' as kpi_id, 'PROD' as department_code, week_start as period_start,
                 case when is_q3 then 98.0 else 70.0 end as measured_value, 100.0 as denominator_total
          from fixture_week;
          create table int_reported_kpi_period as
          select 'KPI-SCRAP' as kpi_id, 'PROD' as department_code, week_start as period_start,
                 case when is_q3 then 3.0 else 2.5 end as reported_value, 1 as value_count
          from fixture_week;
          create table int_kpi_series_weekly as
          select 'KPI-OEE' as kpi_id, 'PROD' as department_code, week_start, 65.0 as value from fixture_week;
          """);

      // when
      for (String model : List.of("rpt_finding_change", "rpt_kpi_movement")) {
        SqlScript.execute(duckdb, "sql/reports/" + model + ".sql");
      }

      // then
      assertThat(RptFixtures.rows(duckdb, """
          select change, finding_type, department_code, subject, finding_count, previous_finding_count,
                 largest_gap, previous_largest_gap
          from rpt_finding_change where period_kind = 'quarter'"""))
          .containsExactly(
              "new late_submission QUAL KPI-OEE 1 0 null null",
              "worsened policy_breach PROD POL-A 3 2 30.0 10.0",
              "resolved retroactive_revision QUAL KPI-SCRAP 0 1 null null",
              "unchanged early_warning PROD KPI-SCRAP 1 1 null null");
      // a week is in the quarter of its Thursday: the week of Monday 29 Sep (98%, Thursday 2 Oct)
      // is Q4's, so Q4 is (98 + 12 x 70) / 13 = 72.2
      assertThat(RptFixtures.rows(duckdb, """
          select kpi_id, round(previous_value, 1), round(period_value, 1), round(change, 1), movement, is_weekly_total
          from rpt_kpi_movement where period_kind = 'quarter'"""))
          .containsExactly(
              "KPI-COV 98.0 72.2 -25.8 worse false",
              "KPI-SCRAP 3.0 2.5 -0.5 better false",
              // a count the system sums per week: its figures are a week's
              "KPI-OEE 65.0 65.0 0.0 unchanged true");
    }
  }

  @Test
  void whenMoreChangedThanTheSummaryListsItSaysHowManyMoreSoTheTileAndTheListAgree() throws Exception {
    // given the fixture's three finding changes and one KPI movement, plus five new findings (a triad
    // gap among them, whose subject is its own key) and six more KPIs that moved: 8 changes, 7 movements
    Path pdf = dir.resolve("more.pdf");
    try (Connection duckdb = RptFixtures.open(dir.resolve("more.duckdb"))) {
      RptFixtures.oneOfEverySection(duckdb);
      RptFixtures.execute(duckdb, """
          insert into rpt_finding_change
          select 'quarter', 'late_submission', 'D' || i, 'SUB-' || i, 'Department ' || i, null, 'SUB-' || i, null,
                 1, 1, null, 0, null, 'new'
          from range(1, 5) as t(i);
          insert into rpt_finding_change values
            ('quarter', 'triad_gap', 'LOG', 'triad_gap:LOG', 'Logistics', null, null, null, 2, 1, null, 0, null, 'new');
          insert into rpt_kpi_movement
          select 'quarter', 'KPI-' || i, 'KPI ' || i, 'count', 'higher_is_better', 100.0, 'PROD', 'Production',
                 50.0, 50.0 + i, i, 'better', i / 100.0, false, true
          from range(1, 7) as t(i);
          """);

      // when
      RptFixtures.a4().render(duckdb, pdf, ZonedDateTime.of(2026, 1, 5, 6, 0, 0, 0, ZoneId.of("Europe/Berlin")));
    }

    // then the tile counts all 6 new findings, the list shows 6 of the 8 changes and says 2 more, and
    // 6 of the 7 KPIs and says 1 more
    String text = PdfText.of(pdf);
    assertThat(text).contains("6 new, 1 resolved");
    assertThat(text).contains("… and 2 more findings that changed; the findings pages and the CSV beside this report"
        + " list every finding.");
    assertThat(text).contains("… and 1 more KPI moved by at least 1% of the target; rpt_kpi_movement in the warehouse"
        + " lists them all.");
    // and each list says what its tags compare: the worst gaps the previous nightly run, "what changed"
    // the quarter with the one before, so a gap PERSISTING above and NEW below is not a contradiction
    assertThat(text).contains("The worst gaps Marked against the previous nightly run: NEW if that run had not found"
        + " the gap, PERSISTING if it had, RESOLVED if this run no longer finds it.",
        "What changed since 2025-Q3 Marked by the period the findings describe:"
        + " 2025-Q4 against 2025-Q3, not against the previous nightly run.");
    // and the triad gap reads as the department's, without its key for a subject
    assertThat(text).contains("Logistics: triad gap — 1 finding in 2025-Q4, none in 2025-Q3.");
    assertThat(text).doesNotContain("triad gap triad_gap:LOG");
  }

  /** The calendar's last complete week, month or quarter before {@code asOf} and the one before, by java.time. */
  private static String calendarPeriod(String kind, LocalDate asOf) {
    LocalDate start = switch (kind) {
      case "week" -> asOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
      case "month" -> asOf.withDayOfMonth(1).minusMonths(1);
      default -> asOf.with(IsoFields.DAY_OF_QUARTER, 1).minusMonths(3);
    };
    LocalDate next = switch (kind) {
      case "week" -> start.plusWeeks(1);
      case "month" -> start.plusMonths(1);
      default -> start.plusMonths(3);
    };
    LocalDate previous = switch (kind) {
      case "week" -> start.minusWeeks(1);
      case "month" -> start.minusMonths(1);
      default -> start.minusMonths(3);
    };
    return start + " " + next.minusDays(1) + " " + previous + " " + label(kind, start) + " " + label(kind, previous);
  }

  private static String label(String kind, LocalDate first) {
    return switch (kind) {
      case "week" -> String.format("%d-W%02d", first.get(IsoFields.WEEK_BASED_YEAR),
          first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case "month" -> String.format("%d-%02d", first.getYear(), first.getMonthValue());
      default -> first.getYear() + "-Q" + first.get(IsoFields.QUARTER_OF_YEAR);
    };
  }
}
