package org.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.reconcile.FindingFixture;

/**
 * What the summary says of a gap the previous nightly run found and this one does not: all that
 * finding_history kept of its findings is what they were and when, so the sentence says that, in
 * words, after the open gaps, never a department and a colon with nothing behind them or "worst
 * measured – against a target of –". Two real reconciliations of FindingFixture's plant, the
 * real templates filled into a PDF whose text is read back.
 */
class ResolvedGapReportTests {

  private static final ZonedDateTime GENERATED_AT =
      ZonedDateTime.of(2025, 8, 5, 6, 0, 0, 0, ZoneId.of("Europe/Berlin"));

  /**
   * The first run's model: the head of quality, who owns POL-INSP-001, cannot pause the line (an
   * accountability gap) and is paid on units alone while inspecting takes time from production
   * (an incentive conflict).
   */
  private static final String FIRST_MODEL = FindingFixture.GOVERNANCE
      .replace("can_pause_process: true", "can_pause_process: false")
      + FindingFixture.UNITS_BONUS;

  @TempDir
  Path dir;

  @Test
  void aResolvedBreachAccountabilityGapAndIncentiveConflictSayWhatTheyWereAfterTheOpenGaps() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(dir.resolve("home"), FIRST_MODEL, "")) {
      // given a first run that found W28 breached (90% against 95%), the accountability gap and the
      // incentive conflict
      fixture.mesDay("2025-07-07", 100, 90).reconcile("2025-07-31");
      // and then the MES export for W28 corrected, the owner given the authority to pause the
      // line and the incentive scheme retired
      fixture.deliver("mes", "mes_2025-07-07.csv", LocalDateTime.parse("2025-08-01T02:00"),
          FindingFixture.MES_HEADER, List.of(List.of("2025-07-07", "CRITICAL", "100", "100")));
      Files.writeString(dir.resolve("home/governance/model.yml"), FindingFixture.GOVERNANCE);

      // when the next run finds none of them
      fixture.reconcile("2025-08-05");
      Path english = RptFixtures.a4().render(fixture.connection(), dir.resolve("report.pdf"), GENERATED_AT,
          ReportOptions.of(Locale.UK, "month"));
      Path german = RptFixtures.a4().render(fixture.connection(), dir.resolve("bericht.pdf"), GENERATED_AT,
          ReportOptions.of(Locale.GERMANY, "month"));

      // then each says what it was and that it is no longer found, after the open gaps (the missing
      // submissions, the corrected export's revision)
      String summary = PdfText.pages(english).get(1);
      assertThat(summary).contains(
          "NEW low Production: inspected: the 90.0 for 2025-W28",
          "RESOLVED high Production: accountability without authority Inspection coverage (2025-W27 .. 2025-W31)"
              + " — found by the previous nightly run, not by this one.",
          "RESOLVED high Production: incentive conflict Inspection coverage (INC-PROD-2025)"
              + " — found by the previous nightly run, not by this one.",
          "RESOLVED high Production: policy breach POL-INSP-001 in 1 period (2025-W28)"
              + " — found by the previous nightly run, not by this one.",
          "RESOLVED if this run no longer finds it.");
      assertThat(summary.indexOf("NEW low")).isLessThan(summary.indexOf("RESOLVED high"));
      assertThat(summary).doesNotContain("Production: RESOLVED", "–");
      // and the findings pages say it too, instead of figures there are none of
      assertThat(PdfText.of(english)).contains("2025-W28 high RESOLVED Inspection coverage: Found by the previous"
          + " nightly run, not by this one. Finding key policy_breach:POL-INSP-001/PROD/2025-W28");
      assertThat(PdfText.pages(german).get(1)).contains(
          "BEHOBEN hoch Production: Richtlinienverstoß POL-INSP-001 in 1 Zeitraum (2025-W28)"
              + " — vom vorigen nächtlichen Lauf gefunden, von diesem nicht mehr.",
          "BEHOBEN hoch Production: Verantwortung ohne Befugnis Inspection coverage (2025-W27 .. 2025-W31)"
              + " — vom vorigen nächtlichen Lauf gefunden, von diesem nicht mehr.");
    }
  }

  @Test
  void aGapResolvedBecauseItsDepartmentWasRenamedNamesTheDepartmentByItsOldCode() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(dir.resolve("home"), FindingFixture.GOVERNANCE, "")) {
      // given a run that found W28 breached by Production (PROD)
      fixture.mesDay("2025-07-07", 100, 90).reconcile("2025-07-31");
      // and then the department renamed to Manufacturing (MFG) in every governance file
      Files.writeString(dir.resolve("home/governance/model.yml"), FindingFixture.GOVERNANCE
          .replace("code: PROD\n    name: Production", "code: MFG\n    name: Manufacturing")
          .replace("department: PROD", "department: MFG"));

      // when
      fixture.reconcile("2025-08-05");
      Path english = RptFixtures.a4().render(fixture.connection(), dir.resolve("report.pdf"), GENERATED_AT,
          ReportOptions.of(Locale.UK, "month"));

      // then the breach under the old key is named by the code it was found under, not by a dash
      assertThat(PdfText.pages(english).get(1)).contains(
          "NEW high Manufacturing: policy POL-INSP-001 breached in 1 period (2025-W28); worst measured 90.0%",
          "RESOLVED high PROD: policy breach POL-INSP-001 in 1 period (2025-W28)"
              + " — found by the previous nightly run, not by this one.")
          .doesNotContain("–:", "against a target of –");
    }
  }
}
