package org.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.reconcile.FindingFixture;

/**
 * The executive report's numbers checked by hand against a real reconciliation
 * (FindingFixture.GOVERNANCE: POL-INSP-001 demands 100% of critical parts inspected until
 * 30 June 2025 (v1) and 95% from 1 July (v2); production's monthly report is due 7 days after
 * the month). The MES measures one day a week, July and August 2025, as of Tuesday 2 September:
 * the report's month is August, compared with July.
 *
 * <pre>
 * week      Monday  Thursday  inspected  judged by  breach
 * 2025-W27  30 Jun  3 Jul     99%        v1 (100)   yes, gap -1   (June's by its Monday, July's by its Thursday)
 * 2025-W28   7 Jul  10 Jul    96%        v2 (95)    no
 * 2025-W29  14 Jul  17 Jul    96%        v2         no
 * 2025-W30  21 Jul  24 Jul    90%        v2         yes, gap -5
 * 2025-W31  28 Jul  31 Jul    80%        v2         yes, gap -15  (ends on Sunday 3 August, counts in July)
 * 2025-W32   4 Aug   7 Aug    96%        v2         no
 * 2025-W33  11 Aug  14 Aug    96%        v2         no
 * 2025-W34  18 Aug  21 Aug    96%        v2         no
 * 2025-W35  25 Aug  28 Aug    92%        v2         yes, gap -3
 * </pre>
 */
class ReportNumbersTests {

  private static final ZonedDateTime GENERATED_AT =
      ZonedDateTime.of(2025, 9, 2, 6, 0, 0, 0, ZoneId.of("Europe/Berlin"));

  @TempDir
  Path dir;

  static FindingFixture julyAndAugust(Path home) throws Exception {
    FindingFixture fixture = FindingFixture.create(home, FindingFixture.GOVERNANCE, "");
    fixture.mesDay("2025-06-30", 100, 99).mesDay("2025-07-07", 100, 96).mesDay("2025-07-14", 100, 96)
        .mesDay("2025-07-21", 100, 90).mesDay("2025-07-28", 100, 80).mesDay("2025-08-04", 100, 96)
        .mesDay("2025-08-11", 100, 96).mesDay("2025-08-18", 100, 96).mesDay("2025-08-25", 100, 92);
    return fixture;
  }

  @Test
  void whatChangedSinceLastMonthPlacesEachWeekInTheMonthOfItsThursday() throws Exception {
    try (FindingFixture fixture = julyAndAugust(dir.resolve("home"))) {
      // when
      fixture.reconcile("2025-09-02");

      // then July holds W27, W30 and W31 (largest gap 15), August only W35 (gap 3): fewer and
      // smaller breaches, not the same; W31 (28 Jul-3 Aug) is not counted in August too
      assertThat(rows(fixture, """
          select change, finding_count, previous_finding_count, largest_gap, previous_largest_gap
          from rpt_finding_change where period_kind = 'month' and finding_type = 'policy_breach'"""))
          .containsExactly(List.of("improved", 1L, 3L, 3.0, 15.0));
      // and the KPI's July mean is over the same five weeks: (99 + 96 + 96 + 90 + 80) / 5 = 92.2,
      // August's (96 + 96 + 96 + 92) / 4 = 95.0
      assertThat(rows(fixture, """
          select previous_value, period_value, movement from rpt_kpi_movement
          where period_kind = 'month' and kpi_id = 'inspection_coverage'"""))
          .containsExactly(List.of(92.2, 95.0, "better"));
    }
  }

  @Test
  void theCoverageTableShowsEachWeekTheThresholdOfTheVersionThatJudgedIt() throws Exception {
    try (FindingFixture fixture = julyAndAugust(dir.resolve("home"))) {
      // when
      fixture.reconcile("2025-09-02");

      // then W27 (from Monday 30 June, the last day of v1) is held to v1's 100%, the rest to v2's 95%
      assertThat(rows(fixture, "select period_label, threshold from rpt_coverage_by_period"
          + " where policy_id = 'POL-INSP-001' order by period_start")).containsExactly(
          List.of("2025-W27", 100.0), List.of("2025-W28", 95.0), List.of("2025-W29", 95.0),
          List.of("2025-W30", 95.0), List.of("2025-W31", 95.0), List.of("2025-W32", 95.0),
          List.of("2025-W33", 95.0), List.of("2025-W34", 95.0), List.of("2025-W35", 95.0));
      // and every breached week shows the threshold it was judged by
      assertThat(rows(fixture, """
          select b.period_label, b.threshold, c.threshold from fct_policy_breach as b
          join rpt_coverage_by_period as c using (policy_id, period_label) order by b.period_start"""))
          .containsExactly(List.of("2025-W27", 100.0, 100.0), List.of("2025-W30", 95.0, 95.0),
              List.of("2025-W31", 95.0, 95.0), List.of("2025-W35", 95.0, 95.0));
    }
  }

  @Test
  void theWorstGapCountsTheOpenFindingsAsTheTilesAndTheHeadlineDo() throws Exception {
    try (FindingFixture fixture = julyAndAugust(dir.resolve("home"))) {
      // given a first run that found W27, W30 and W31 breached
      fixture.reconcile("2025-08-10");
      // and W31's MES export sent again, corrected to 100%: W31's breach is resolved
      fixture.deliver("mes", "mes_2025-07-28.csv", LocalDateTime.parse("2025-08-12T02:00"),
          FindingFixture.MES_HEADER, List.of(List.of("2025-07-28", "CRITICAL", "100", "100")));

      // when
      fixture.reconcile("2025-09-02");

      // then the gap is W27, W30 and W35: 3 periods, as the breach tile and the headline count
      assertThat(rows(fixture, """
          select finding_count, first_period, last_period, worst_measured, status, resolved_count
          from rpt_top_gap where finding_type = 'policy_breach' and subject = 'POL-INSP-001'"""))
          .containsExactly(List.of(3L, "2025-W27", "2025-W35", 90.0, "new", 1L));
      // and the resolved W31 is the policy's, not a gap of its own
      assertThat(rows(fixture, "select count(*) from rpt_top_gap where finding_type = 'policy_breach'"))
          .containsExactly(List.of(1L));
      assertThat(rows(fixture, """
          select count(*) filter (where finding_type = 'policy_breach' and status <> 'resolved'
                                  and not is_covered_by_deviation)
          from rpt_finding""")).containsExactly(List.of(3L));
      assertThat(rows(fixture, "select breached_period_count from rpt_headline where department_code is null"))
          .containsExactly(List.of(3));
    }
  }

  @Test
  void theChangesTileCountsTheLinesBelowItAndAStillMissingReportIsNotResolved() throws Exception {
    try (FindingFixture fixture = julyAndAugust(dir.resolve("home"))) {
      // given production sent no monthly report: July's was due on 7 August and is still missing
      // (August's is due on 7 September)
      // when
      fixture.reconcile("2025-09-02");

      // then July's missing report is still missing in the comparison, not resolved
      assertThat(rows(fixture, """
          select change, finding_count, previous_finding_count from rpt_finding_change
          where period_kind = 'month' and finding_type = 'missing_submission'"""))
          .containsExactly(List.of("still_missing", 0L, 1L));

      // and the PDF's tile counts what the list under it shows: BETTER for the breaches (3 in
      // July, 1 in August) and BETTER for inspection coverage (92.2% -> 95.0%)
      Path english = RptFixtures.a4().render(fixture.connection(), dir.resolve("summary.pdf"), GENERATED_AT,
          ReportOptions.defaults().forPeriod("month"));
      Path german = RptFixtures.a4().render(fixture.connection(), dir.resolve("zusammenfassung.pdf"), GENERATED_AT,
          ReportOptions.of(Locale.GERMANY, "month"));
      assertThat(PdfText.singleSpaced(PdfText.of(english))).contains(
          "0 new, 0 resolved 0 worse, 2 better Since 2025-07",
          "STILL MISSING Production: missing submission SUB-PROD — the report for 2025-07 has still not arrived.",
          "BETTER Production: policy breach POL-INSP-001 — largest gap 3.0 points in 2025-08, 15.0 points in 2025-07.",
          "BETTER Production: Inspection coverage 92.2% → 95.0% (+2.8).")
          .doesNotContain("RESOLVED Production");
      assertThat(PdfText.singleSpaced(PdfText.of(german))).contains(
          "0 neu, 0 behoben 0 schlechter, 2 besser Seit 2025-07",
          "FEHLT WEITER Production: fehlende Meldung SUB-PROD — die Meldung für 2025-07 ist noch immer nicht eingegangen.");
    }
  }

  @Test
  void withoutAPoorQualityCostCategoryTheCostTileSaysSoInsteadOfAZero() throws Exception {
    try (FindingFixture fixture = julyAndAugust(dir.resolve("home"))) {
      // given insights.yml configures no poor_quality_costs (FindingFixture.GOVERNANCE has none)
      fixture.reconcile("2025-09-02");

      // when
      Path english = RptFixtures.a4().render(fixture.connection(), dir.resolve("cost.pdf"), GENERATED_AT,
          ReportOptions.defaults().forPeriod("month"));
      Path german = RptFixtures.a4().render(fixture.connection(), dir.resolve("kosten.pdf"), GENERATED_AT,
          ReportOptions.of(Locale.GERMANY, "month"));

      // then
      assertThat(PdfText.singleSpaced(PdfText.of(english)))
          .contains("not configured Cost of poor quality no cost category in insights.yml")
          .doesNotContain("0.0 EUR");
      assertThat(PdfText.singleSpaced(PdfText.of(german)))
          .contains("nicht eingerichtet Fehlerkosten keine Kostenart in insights.yml")
          .doesNotContain("0,0 EUR");
    }
  }

  @Test
  void theBreachTileCountsTheReportingPeriodsBreachesAndNamesTheEarlierOnesApart() throws Exception {
    try (FindingFixture fixture = julyAndAugust(dir.resolve("home"))) {
      // when the August report is rendered: W35 breached in August, W27, W30 and W31 in July
      fixture.reconcile("2025-09-02");
      Path pdf = RptFixtures.a4().render(fixture.connection(), dir.resolve("august.pdf"), GENERATED_AT,
          ReportOptions.of(Locale.UK, "month"));

      // then the tile counts August's one breach, and the three of July on a line of their own
      assertThat(PdfText.of(pdf)).contains("1 Policy breaches in 1 policy plus 3 still open from before 1 Aug 2025");
    }
  }

  @Test
  void theBreachTileLeavesOutBreachesAfterTheReportingPeriod() throws Exception {
    try (FindingFixture fixture = julyAndAugust(dir.resolve("home"))) {
      // given a September week breached too (W37, 90%), and the report run on 30 September, whose
      // month is still August
      fixture.mesDay("2025-09-08", 100, 90).reconcile("2025-09-30");

      // when
      Path pdf = RptFixtures.a4().render(fixture.connection(), dir.resolve("august.pdf"),
          ZonedDateTime.of(2025, 9, 30, 6, 0, 0, 0, ZoneId.of("Europe/Berlin")), ReportOptions.of(Locale.UK, "month"));

      // then the tile counts August's one breach, as "what changed" lists August's, not September's
      assertThat(PdfText.of(pdf)).contains("1 Policy breaches in 1 policy plus 3 still open from before 1 Aug 2025")
          .doesNotContain("2 Policy breaches");
      assertThat(rows(fixture, "select finding_count from rpt_finding_change"
          + " where period_kind = 'month' and finding_type = 'policy_breach'")).containsExactly(List.of(1L));
    }
  }

  @Test
  void policyVsExecutionJudgesTheLatestPeriodByTheVersionInForceThen() throws Exception {
    // given two June weeks, the second at 99%: v1 (100%) is in force, v2 (95%) only from July
    try (FindingFixture fixture = FindingFixture.create(dir.resolve("home"), FindingFixture.GOVERNANCE, "")) {
      fixture.mesDay("2025-06-23", 100, 100).mesDay("2025-06-30", 100, 99);

      // when (W27, 30 June to 6 July, is over: a week still running is not judged)
      fixture.reconcile("2025-07-07");

      // then the table holds W27 against 100%, not against July's 95%
      assertThat(rows(fixture, """
          select latest_period, statement, target_value, measured_value, gap, breached_since
          from rpt_policy_execution"""))
          .containsExactly(List.of("2025-W27", "Every critical part is inspected.", 100.0, 99.0, -1.0, "2025-W27"));
    }
  }

  @Test
  void aPolicyOnAKpiNoSystemMeasuresIsListedAsNotJudged() throws Exception {
    // given a policy on the units produced, which only the department's sheet reports
    String outputPolicy = """
        policies:
          - id: POL-OUT-001
            version: 1
            statement: At least 100 units a week.
            kpi: units_produced
            comparator: ">="
            threshold: 100
            owner_role: head_of_quality
            severity: medium
            effective_from: 2025-01-01
        """;
    try (FindingFixture fixture = FindingFixture.create(dir.resolve("home"), FindingFixture.GOVERNANCE, outputPolicy)) {
      fixture.mesDay("2025-06-30", 100, 99)
          .prodSheet("prod_2025-07.csv", LocalDateTime.parse("2025-07-03T08:00"), List.of(List.of("2025-06-30", "80", "99")));

      // when
      fixture.reconcile("2025-07-07");

      // then it is listed, not judged, under its owner's department; no breach is claimed
      assertThat(rows(fixture, """
          select policy_id, department_code, target_value, measured_value, is_measured
          from rpt_policy_execution order by policy_id"""))
          .containsExactly(List.of("POL-INSP-001", "PROD", 100.0, 99.0, true),
              java.util.Arrays.asList("POL-OUT-001", "PROD", 100.0, null, false));
      assertThat(rows(fixture, "select count(*) from fct_policy_breach where policy_id = 'POL-OUT-001'"))
          .containsExactly(List.of(0L));
      // and the PDF says so
      Path pdf = RptFixtures.a4().render(fixture.connection(), dir.resolve("report.pdf"), GENERATED_AT,
          ReportOptions.of(Locale.UK, "quarter"));
      assertThat(PdfText.withoutSpaces(pdf)).contains(
          PdfText.withoutSpaces("not judged: no system of record measures this KPI"));
    }
  }

  @Test
  void theHeadlineTellsTheWorstPeriodAgainstTheVersionThatJudgedIt() throws Exception {
    // given W27 at 80% (v1: 100%, 20 points short) and W30 at 90% (v2: 95%, 5 points short)
    try (FindingFixture fixture = FindingFixture.create(dir.resolve("home"), FindingFixture.GOVERNANCE, "")) {
      fixture.mesDay("2025-06-30", 100, 80).mesDay("2025-07-07", 100, 96).mesDay("2025-07-21", 100, 90);

      // when
      fixture.reconcile("2025-08-05");

      // then the headline quotes v1's statement and threshold beside W27's 80%
      assertThat(rows(fixture, """
          select policy_version, policy_statement, threshold, worst_period, worst_measured, breached_period_count
          from rpt_headline where department_code is null"""))
          .containsExactly(List.of(1, "Every critical part is inspected.", 100.0, "2025-W27", 80.0, 2));
    }
  }

  static List<List<Object>> rows(FindingFixture fixture, String sql) throws SQLException {
    try (Statement s = fixture.connection().createStatement(); ResultSet r = s.executeQuery(sql)) {
      List<List<Object>> rows = new ArrayList<>();
      while (r.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
          Object value = r.getObject(i);
          row.add(value instanceof Double d ? Math.round(d * 1e6) / 1e6 : value);
        }
        rows.add(row);
      }
      return rows;
    }
  }
}
