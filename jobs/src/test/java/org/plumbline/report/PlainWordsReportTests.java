package org.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.reconcile.FindingFixture;

/**
 * The report read cold, as an executive reads it: names rather than codes, figures with their
 * units and only those that apply, what a revision changed, which ranking puts the breached policy
 * first, and what the summary's tags compare with. A real reconciliation at the month grain, its
 * rpt_* tables built by the real SQL, the real templates filled into a PDF whose text is read back.
 */
class PlainWordsReportTests {

  private static final ZonedDateTime GENERATED_AT =
      ZonedDateTime.of(2025, 8, 10, 6, 0, 0, 0, ZoneId.of("Europe/Berlin"));

  /**
   * The fixture's plant (FindingFixture.GOVERNANCE), compared per month: Production reports units
   * and inspection weekly and its head of quality, who owns the inspection policy, cannot pause the
   * line and is paid on units alone. The MES counts produced and first-pass-OK units (measure
   * fp_ok_units, with no label: the governance model has none); units made is a count the MES sums
   * per week. No control chart is configured. The monthly report's calendar entry has a name.
   */
  private static final String MODEL = FindingFixture.GOVERNANCE
      .replace("can_pause_process: true", "can_pause_process: false")
      .replace("- id: SUB-PROD\n", "- id: SUB-PROD\n    name: Monthly production report\n")
      .replace("numerator: inspected", "numerator: fp_ok_units")
      .replace("{ column: inspected, name: inspected }", "{ column: inspected, name: fp_ok_units }")
      .replace(FindingFixture.CALENDAR, "- { id: DE10, timezone: Europe/Berlin, common_grain: month }")
      .replace("\npolicies:\n", "\n" + """
            - id: units_made
              name: Units made
              dimension: speed
              unit: count
              direction: higher_is_better
              target: 200
              owner_role: head_of_quality
              tolerance: 0
              measured_by: { source: mes, numerator: produced }
          policies:
          """)
      + FindingFixture.UNITS_BONUS;

  /** The report in English and in German, rendered once for every test (a reconciliation takes seconds). */
  private static String english;
  private static String german;

  @BeforeAll
  static void renderTheReportInBothLanguages(@TempDir Path dir) throws Exception {
    english = render(dir, Locale.UK);
    german = render(dir, Locale.GERMANY);
  }

  @Test
  void theSummaryRanksTheBreachedPolicyFirstAndSaysWhatItsTagsCompare() throws Exception {
    // given July inspected at 90% (policy v2 demands 95%) while Production reported 100%, and
    // medium and high findings without a target (a triad gap, an incentive conflict, an
    // accountability gap, a revision) whose materiality counts 0.5 against the breach's 0.05
    String text = english;

    // then the breached policy is the first of the worst gaps, ahead of every other finding
    assertThat(text).contains("The worst gaps Marked against the previous nightly run: NEW if that run had not found"
        + " the gap, PERSISTING if it had, RESOLVED if this run no longer finds it. NEW high Production: policy"
        + " POL-INSP-001 breached in 1 period (2025-07);"
        + " worst measured 90.0% against a target of 95.0%.");
    // and "what changed" says its tags compare the month with the one before, not the previous run
    assertThat(text).contains("What changed since 2025-06 Marked by the period the findings describe: 2025-07"
        + " against 2025-06, not against the previous nightly run.");
  }

  @Test
  void namesAndSentencesReadAsProseNotAsCodes() throws Exception {
    String text = english;

    // the triad gap names the KPIs, the accountability gap says in words what the owner cannot do
    assertThat(text).contains("Production reports quality and speed (Inspection coverage, Units produced) but not cost.",
        "Policy POL-INSP-001 (\"At least 95% of critical parts are inspected.\") is owned by the Head of Quality, who"
            + " has no authority to pause the process it governs.");
    // (a finding's key stays a key: "Finding key triad_gap:PROD" is for plumbline trace)
    assertThat(text).doesNotContain("inspection_coverage, units_produced", "roles.yml", "POL-INSP-001 v2",
        "triad gap triad_gap:PROD");
    // the accountability gap's period is the months the version has been in force
    assertThat(text).contains("Production 2025-07 .. 2025-08 high");
    // without incentive_checks, the conflict names no ratio ("below 0.0 times 100%")
    assertThat(text).contains("the KPI of policy POL-INSP-001; the scheme does not reward Inspection coverage at all.");
    assertThat(text).doesNotContain("0.0 times");
    // a measure without a label of its own: an abbreviation in capitals
    assertThat(text).contains("Produced FP ok units");
    // the data starts with 2025-W01 (Monday 30 December 2024), whose Thursday is in January
    assertThat(text).contains("Data covers 2025-01 to 2025-07");
    // no control chart is configured: nothing was monitored, rather than nothing signalled
    assertThat(text).contains("No control chart is configured (insights.yml: control_charts), so no KPI was monitored");
    assertThat(text).doesNotContain("No control chart signalled");
  }

  @Test
  void figuresCarryTheirUnitsAndOnlyThoseThatApplyAreShown() throws Exception {
    String text = english;

    // a breach and a discrepancy: percentages, gaps in points
    assertThat(text).contains("Inspection coverage: Target 95.0% · Measured 90.0% · Self-reported 100.0% · Gap -5.0"
        + " points · Owner Head of Quality");
    assertThat(text).contains("Inspection coverage: Target 100.0% · Measured 90.0% · Self-reported 100.0% · Gap +10.0"
        + " points");
    // the late report, by its name: how late, in days, and no dashes for figures a submission does not have
    assertThat(text).contains("Monthly production report: Arrived 1.8 days late · Owner Head of Quality");
    assertThat(text).doesNotContain("Target – ·", "Measured – ·", "Gap –");
    // the scorecard's worst KPI against its target, in its unit
    assertThat(text).contains("Inspection coverage: 90.0% / 100.0%");
    // a count the MES sums per week moves "a week"
    assertThat(text).containsPattern("Production: Units made [0-9.,]+ → [0-9.,]+ a week \\(\\+[0-9.,]+\\)\\.");
    // the files' times of receipt in plant time, the zone named: received 10:00 UTC, 12:00 in Berlin
    assertThat(text).contains("Received (Europe/Berlin)", "prod_2025-07.csv 2025-08-09 12:00 loaded");
  }

  @Test
  void aRevisionSaysWhatTheValueWasAndBecameInWhichFilesAndThatItFlattersTheDepartment() throws Exception {
    assertThat(english).contains("Inspection coverage: the 99.6% for 2025-06 from prod_2025-06.csv (received 3 Jul"
        + " 2025) was changed to 100.0% in prod_2025-07.csv (received 9 Aug 2025): a rise where higher is better,"
        + " which flatters the department.");
    assertThat(german).contains("Inspection coverage: Der Wert 99,6\u00a0% für 2025-06 aus prod_2025-06.csv (eingegangen"
        + " am 03.07.2025) wurde in prod_2025-07.csv (eingegangen am 09.08.2025) auf 100,0\u00a0% geändert: ein Anstieg,"
        + " wo höher besser ist; die Korrektur schönt die Zahlen der Abteilung.");
  }

  @Test
  void aGermanReportWritesEveryPercentageWithASpaceBeforeTheSign() throws Exception {
    String text = german;

    assertThat(text).contains("schlechtester Messwert 90,0\u00a0% bei einem Ziel von 95,0\u00a0%",
        "Inspection coverage: 90,0\u00a0% / 100,0\u00a0%", "Lücke -5,0 Prozentpunkte",
        "Mit 1,8 Tagen Verspätung eingegangen", "Eingegangen (Europe/Berlin)",
        "das Vergütungsmodell berücksichtigt Inspection coverage überhaupt nicht.");
    // (the policy's statement is the governance model's own text, as configured)
    assertThat(text.replace("At least 95% of critical parts", "")).doesNotContainPattern("[0-9]%");
  }

  /** The reconciled fixture as of 10 August 2025, reported for the month (July against June). */
  private static String render(Path dir, Locale locale) throws Exception {
    Path pdf = dir.resolve("report-" + locale + ".pdf");
    try (FindingFixture fixture = FindingFixture.create(dir.resolve("home-" + locale), MODEL, "")) {
      // Production's sheet from 2025-W01 (Monday 30 December 2024) to June, on time; 99.6% in the week of 23 June
      List<List<String>> june = new ArrayList<>();
      for (LocalDate week = LocalDate.parse("2024-12-30"); week.isBefore(LocalDate.parse("2025-06-30"));
          week = week.plusWeeks(1)) {
        june.add(List.of(week.toString(), "100", week.toString().equals("2025-06-23") ? "99.6" : "100"));
      }
      fixture.prodSheet("prod_2025-06.csv", LocalDateTime.parse("2025-07-03T08:00"), june);
      // the MES: June fully inspected, July 405 of 450 (90%), the last week 2025-W31
      fixture.mesDay("2025-06-10", 100, 100).mesDay("2025-06-17", 100, 100)
          .mesDay("2025-07-08", 150, 135).mesDay("2025-07-15", 150, 135).mesDay("2025-07-29", 150, 135);
      // July's sheet, due 7 August 17:00 Berlin, arrives on 9 August 10:00 UTC, and restates 23 June as 100%
      List<List<String>> july = new ArrayList<>();
      for (LocalDate week = LocalDate.parse("2025-06-23"); week.isBefore(LocalDate.parse("2025-08-04"));
          week = week.plusWeeks(1)) {
        july.add(List.of(week.toString(), "100", "100"));
      }
      fixture.prodSheet("prod_2025-07.csv", LocalDateTime.parse("2025-08-09T10:00"), july).reconcile("2025-08-10");

      RptFixtures.a4().render(fixture.connection(), pdf, GENERATED_AT, ReportOptions.of(locale, "month"));
    }
    return PdfText.of(pdf);
  }
}
