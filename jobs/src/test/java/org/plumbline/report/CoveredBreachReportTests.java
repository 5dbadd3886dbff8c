package org.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.reconcile.FindingFixture;

/**
 * A period inside an approved deviation (deviations.yml) is a concession, not a breach, on the
 * executive pages too: a real reconciliation with deviations, the rpt_* tables built by the real
 * SQL, and the real templates filled into a PDF whose text is read back. POL-INSP-001 demands 95%
 * of critical parts inspected from July 2025 (FindingFixture.GOVERNANCE).
 */
class CoveredBreachReportTests {

  private static final ZonedDateTime GENERATED_AT =
      ZonedDateTime.of(2025, 9, 1, 6, 0, 0, 0, ZoneId.of("Europe/Berlin"));

  /** DEV-7 covers 2025-W31; DEV-8 covers 2025-W33 and W34 and expires on Sunday 2025-08-24. */
  private static final String DEVIATIONS = """
      deviations:
        - id: DEV-7
          policy: POL-INSP-001
          department: PROD
          reason: Tester recalibration, lots re-inspected before shipment.
          approved_by: head_of_quality
          approved_on: 2025-07-25
          valid_from: 2025-07-28
          expires_on: 2025-08-03
        - id: DEV-8
          policy: POL-INSP-001
          department: PROD
          reason: Second tester out of service; sampling approved by the customer.
          approved_by: head_of_quality
          approved_on: 2025-08-08
          valid_from: 2025-08-11
          expires_on: 2025-08-24
      """;

  @TempDir
  Path dir;

  @Test
  void coveredWeeksAreNeitherCountedNorShownAsBreachesAndDoNotBreakTheRun() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(dir.resolve("home"), FindingFixture.GOVERNANCE, DEVIATIONS)) {
      // given W28 90% (breach), W29 100% (met), W30 80% (breach), W31 85% (covered by DEV-7), W32 90% (breach)
      fixture.mesDay("2025-07-07", 100, 90).mesDay("2025-07-14", 100, 100).mesDay("2025-07-21", 100, 80)
          .mesDay("2025-07-28", 100, 85).mesDay("2025-08-04", 100, 90);

      // when
      fixture.reconcile("2025-08-10");

      // then the run of breaches reaches back over the covered W31 to W30 (the met W29 ends it),
      // and only the three uncovered weeks count
      assertThat(rows(fixture, """
          select latest_period, breached_since, breached_period_count, covered_period_count,
                 latest_deviation_id, latest_deviation_expires_on
          from rpt_policy_execution where policy_id = 'POL-INSP-001' and department_code = 'PROD'"""))
          .containsExactly(Arrays.asList("2025-W32", "2025-W30", 3L, 1L, null, null));
      assertThat(rows(fixture, "select period_label, is_covered_by_deviation, deviation_id, deviation_expires_on"
          + " from rpt_breached_weeks order by period_start")).containsExactly(
          Arrays.asList("2025-W28", false, null, null),
          Arrays.asList("2025-W30", false, null, null),
          Arrays.asList("2025-W31", true, "DEV-7", java.sql.Date.valueOf("2025-08-03")),
          Arrays.asList("2025-W32", false, null, null));
      assertThat(rows(fixture, """
          select breached_period_count, first_breached_period, last_breached_period, worst_period, worst_measured,
                 covered_period_count, covering_deviation_ids
          from rpt_headline where department_code is null""")).containsExactly(List.of(3, "2025-W28", "2025-W32", "2025-W30", 80.0, 1, "DEV-7"));

      // and given two more weeks, both inside DEV-8: W33 70% and W34 75%
      fixture.mesDay("2025-08-11", 100, 70).mesDay("2025-08-18", 100, 75);

      // when the run of 1 October reports on the third quarter, which holds every one of them
      fixture.reconcile("2025-10-01");

      // then the latest week is covered, not breached, and says by what until when; the worst
      // shortfall (W33, 70%) is a concession and does not become the headline's worst week
      assertThat(rows(fixture, """
          select latest_period, breached_since, breached_period_count, covered_period_count,
                 latest_deviation_id, latest_deviation_expires_on
          from rpt_policy_execution where policy_id = 'POL-INSP-001' and department_code = 'PROD'"""))
          .containsExactly(Arrays.asList("2025-W34", null, 3L, 3L, "DEV-8", java.sql.Date.valueOf("2025-08-24")));
      assertThat(rows(fixture, """
          select breached_period_count, first_breached_period, last_breached_period, worst_period, worst_measured,
                 covered_period_count, covering_deviation_ids
          from rpt_headline where department_code is null""")).containsExactly(List.of(3, "2025-W28", "2025-W32", "2025-W30", 80.0, 3, "DEV-7, DEV-8"));
      assertThat(rows(fixture, "select count(*) filter (where is_covered_by_deviation), count(*)"
          + " from rpt_breached_weeks")).containsExactly(List.of(3L, 6L));

      // and the PDF says so, in English and in German
      Path english = RptFixtures.a4().render(fixture.connection(), dir.resolve("covered.pdf"), GENERATED_AT);
      Path german = RptFixtures.a4().render(fixture.connection(), dir.resolve("gedeckt.pdf"), GENERATED_AT,
          ReportOptions.defaults().inLocale(Locale.GERMANY));
      assertThat(PdfText.of(english)).contains(
          "was breached in 3 weeks, 2025-W28 to 2025-W32: measured inspection coverage fell to 80.0% in 2025-W30"
              + " while the department reported no figure for that week. Not counted: 3 weeks within an approved"
              + " deviation (DEV-7, DEV-8). Owner: Head of Quality.",
          "Head of Quality 95.0% 75.0% – -20.0 covered by DEV-8 (expires 24 Aug 2025)",
          "Inspected Covered by deviation",
          "2025-W30 21 Jul 2025 80.0 – – 100 80 2025-W31 28 Jul 2025 85.0 – – 100 85 DEV-7 ",
          "2025-W32 4 Aug 2025 90.0 – – 100 90 2025-W33",
          "2025-W34 18 Aug 2025 75.0 – – 100 75 DEV-8");
      assertThat(PdfText.of(english)).doesNotContain("breached in 6 weeks", "weeks, 2025-W28 to 2025-W34", "in 2025-W33 while");
      assertThat(PdfText.of(german)).contains("wurde in 3 Wochen verletzt (2025-W28 bis 2025-W32)",
          "Nicht mitgezählt: 3 Wochen innerhalb einer genehmigten Sonderfreigabe (DEV-7, DEV-8).",
          "gedeckt durch DEV-8 (gültig bis 24.08.2025)");

      // and the summary, the worst gaps and the findings pages agree: three breaches, and the
      // three covered weeks are concessions, named as such
      assertThat(PdfText.of(english)).contains(
          "3 Policy breaches in 1 policy plus 3 covered by deviation",
          "Production: policy POL-INSP-001 breached in 3 periods (2025-W28 to 2025-W32); worst measured 80.0% against"
              + " a target of 95.0%. Not counted: 3 periods within an approved deviation.",
          "Production 2025-W31 high COVERED BY DEVIATION",
          "Production 2025-W32 high PERSISTING",
          "Production 2025-W33 high COVERED BY DEVIATION");
      assertThat(PdfText.of(english)).doesNotContain("6 Policy breaches", "breached in 6 periods",
          "2025-W33 high NEW", "2025-W31 high PERSISTING");
      assertThat(PdfText.of(german)).contains(
          "3 Richtlinienverstöße in 1 Richtlinie dazu 3 mit Sonderfreigabe",
          "Richtlinie POL-INSP-001 verletzt in 3 Zeiträumen (2025-W28 bis 2025-W32); schlechtester Messwert 80,0\u00a0%"
              + " bei einem Ziel von 95,0\u00a0%. Nicht mitgezählt: 3 Zeiträume innerhalb einer genehmigten Sonderfreigabe.",
          "Production 2025-W31 hoch DURCH SONDERFREIGABE GEDECKT");
      assertThat(rows(fixture, "select finding_count, covered_count, first_period, last_period, worst_measured, status"
          + " from rpt_top_gap where finding_type = 'policy_breach'"))
          .containsExactly(List.of(3L, 3L, "2025-W28", "2025-W32", 80.0, "persisting"));
      assertThat(rows(fixture, "select period_label, status, display_status, deviation_id from rpt_finding"
          + " where finding_type = 'policy_breach' order by period_start")).containsExactly(
          Arrays.asList("2025-W28", "persisting", "persisting", null),
          Arrays.asList("2025-W30", "persisting", "persisting", null),
          Arrays.asList("2025-W31", "persisting", "covered by deviation", "DEV-7"),
          Arrays.asList("2025-W32", "persisting", "persisting", null),
          Arrays.asList("2025-W33", "new", "covered by deviation", "DEV-8"),
          Arrays.asList("2025-W34", "new", "covered by deviation", "DEV-8"));
    }
  }

  /**
   * A company-wide policy is judged per department, so one week can fall short in two. The
   * model gives a KPI one measuring source and the source one department, so the second
   * department's shortfalls are added to fct_policy_breach as the mart would hold them and the
   * findings and report tables rebuilt from it by their real SQL.
   */
  @Test
  void aWeekBreachedByTwoDepartmentsIsOneBreachedWeekListedOncePerDepartment() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(dir.resolve("home"), FindingFixture.GOVERNANCE, DEVIATIONS)) {
      // given Production: W30 80% (breach), W31 85% (covered by DEV-7), W32 met
      fixture.mesDay("2025-07-21", 100, 80).mesDay("2025-07-28", 100, 85).mesDay("2025-08-04", 100, 100);
      fixture.reconcile("2025-08-10");
      // and Assembly, under the same policy, 88% in W30 and W31, with no deviation
      try (Statement s = fixture.connection().createStatement()) {
        s.execute("""
            insert into dim_department values ('ASM', 'Assembly');
            insert into fct_policy_breach
            select * replace ('ASM' as department_code, replace(finding_key, '/PROD/', '/ASM/') as finding_key,
                              88.0 as measured_value, 88.0 as numerator_total, 88.0 - threshold as gap,
                              null as deviation_id, false as is_covered_by_deviation)
            from fct_policy_breach where department_code = 'PROD'""");
      }

      // when
      for (String model : List.of("marts/fct_finding", "marts/fct_finding_status", "reports/rpt_breached_weeks",
          "reports/rpt_headline", "reports/rpt_finding", "reports/rpt_top_gap", "reports/rpt_summary_headline",
          "reports/rpt_finding_change")) {
        org.plumbline.system.SqlScript.execute(fixture.connection(), "sql/" + model + ".sql");
      }
      // (the report of July, the month these weeks are in: the summary's tiles count the reporting period's)
      Path pdf = RptFixtures.a4().render(fixture.connection(), dir.resolve("two-departments.pdf"), GENERATED_AT,
          ReportOptions.defaults().forPeriod("month"));

      // then W31 is a breached week (Assembly fell short outside any deviation) though Production's
      // shortfall in it was covered; two weeks breached, not three rows, and none left out
      assertThat(rows(fixture, """
          select breached_period_count, first_breached_period, last_breached_period, worst_period, worst_measured,
                 covered_period_count, covering_deviation_ids
          from rpt_headline where department_code is null"""))
          .containsExactly(Arrays.asList(2, "2025-W30", "2025-W31", "2025-W30", 80.0, 0, null));
      // and each department's drill-down counts its own: Production one week and its covered one,
      // Assembly both weeks
      assertThat(rows(fixture, """
          select department_code, breached_period_count, first_breached_period, last_breached_period, worst_measured,
                 covered_period_count, covering_deviation_ids
          from rpt_headline where department_code is not null order by department_code""")).containsExactly(
          Arrays.asList("ASM", 2, "2025-W30", "2025-W31", 88.0, 0, null),
          Arrays.asList("PROD", 1, "2025-W30", "2025-W30", 80.0, 1, "DEV-7"));
      assertThat(rows(fixture, "select department_code, finding_count, covered_count from rpt_top_gap"
          + " where finding_type = 'policy_breach' order by department_code"))
          .containsExactly(List.of("ASM", 2L, 0L), List.of("PROD", 1L, 1L));
      assertThat(PdfText.of(pdf)).contains("was breached in 2 weeks, 2025-W30 to 2025-W31",
          "3 Policy breaches in 1 policy plus 1 covered by deviation",
          "POL-INSP-001 · threshold 95.0% · Assembly",
          "2025-W30 21 Jul 2025 88.0 – – 100 88 2025-W31 28 Jul 2025 88.0 – – 100 88",
          "POL-INSP-001 · threshold 95.0% · Production",
          "2025-W30 21 Jul 2025 80.0 – – 100 80 2025-W31 28 Jul 2025 85.0 – – 100 85 DEV-7");
      assertThat(PdfText.of(pdf)).doesNotContain("breached in 3 weeks", "Not counted: 1 week");
      // and Production's drill-down tells its own week, and its own covered one
      Path production = RptFixtures.a4().render(fixture.connection(), dir.resolve("production.pdf"), GENERATED_AT,
          ReportOptions.defaults().forDepartment("PROD", "Production"));
      assertThat(PdfText.of(production)).contains("was breached in 1 week, 2025-W30: measured inspection coverage fell"
          + " to 80.0% in 2025-W30", "Not counted: 1 week within an approved deviation (DEV-7).")
          .doesNotContain("breached in 2 weeks");
      assertThat(rows(fixture, "select period_label, department_code, department_name, is_covered_by_deviation"
          + " from rpt_breached_weeks order by period_start, department_code")).containsExactly(
          List.of("2025-W30", "ASM", "Assembly", false),
          List.of("2025-W30", "PROD", "Production", false),
          List.of("2025-W31", "ASM", "Assembly", false),
          List.of("2025-W31", "PROD", "Production", true));
    }
  }

  @Test
  void aPolicyWhoseShortfallsAreAllCoveredHasNoHeadlineButItsWeeksAreListedAsCovered() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(dir.resolve("home"), FindingFixture.GOVERNANCE, DEVIATIONS)) {
      // given W31 85%, inside DEV-7, and W32 fully inspected
      fixture.mesDay("2025-07-28", 100, 85).mesDay("2025-08-04", 100, 100);

      // when
      fixture.reconcile("2025-08-10");
      Path pdf = RptFixtures.a4().render(fixture.connection(), dir.resolve("all-covered.pdf"), GENERATED_AT);

      // then
      assertThat(rows(fixture, "select count(*) from rpt_headline")).containsExactly(List.of(0L));
      assertThat(rows(fixture, """
          select latest_period, breached_since, breached_period_count, covered_period_count, latest_deviation_id
          from rpt_policy_execution where policy_id = 'POL-INSP-001'"""))
          .containsExactly(Arrays.asList("2025-W32", null, 0L, 1L, null));
      assertThat(PdfText.of(pdf)).contains("No policy was breached in the weeks",
          "2025-W31 28 Jul 2025 85.0 – – 100 85 DEV-7", "Head of Quality 95.0% 100.0% – 5.0 met (2025-");
      assertThat(PdfText.of(pdf)).doesNotContain("was breached in 1 week", "Breached since POL-INSP-001 · Production At least 95% of critical parts are inspected. Head of Quality 95.0% 100.0% – 5.0 2025-W31");
    }
  }

  private static List<List<Object>> rows(FindingFixture fixture, String sql) throws SQLException {
    try (Statement s = fixture.connection().createStatement(); ResultSet r = s.executeQuery(sql)) {
      List<List<Object>> rows = new ArrayList<>();
      while (r.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
          Object value = r.getObject(i);
          row.add(value instanceof java.time.LocalDate date ? java.sql.Date.valueOf(date) : value);
        }
        rows.add(row);
      }
      return rows;
    }
  }

}
