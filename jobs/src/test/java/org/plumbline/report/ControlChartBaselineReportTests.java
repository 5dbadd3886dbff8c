package org.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.reconcile.FindingFixture;

/**
 * A correction received months later that puts one baseline week out of control (hunt 6a, G12):
 * the control-chart page shows that week as the chart's one signal and says, under the chart,
 * that the limits leave it out, in the report's language. A real reconciliation, the rpt_* tables
 * built by the real SQL and the real templates filled into a PDF read back.
 */
class ControlChartBaselineReportTests {

  private static final ZonedDateTime GENERATED_AT =
      ZonedDateTime.of(2025, 7, 1, 6, 0, 0, 0, ZoneId.of("Europe/Berlin"));

  /** Inspection coverage on a p chart, baseline 2025-W02 .. 2025-W13, which may rest on 11 weeks. */
  private static final String CHART = """
      control_charts:
        - kpi: inspection_coverage
          chart: p
          baseline: { from: 2025-01-06, to: 2025-03-30 }
          min_baseline_points: 11
      """;

  /** Critical parts inspected of 1,000 each Monday from 2025-01-06 (2025-W02) on: 99.0% on the whole. */
  private static final List<Integer> INSPECTED = List.of(988, 991, 990, 992, 989, 990, 991, 989, 990, 992, 988, 990);

  @TempDir
  Path dir;

  @Test
  void theControlChartSaysWhichBaselineWeekItsLimitsLeaveOut() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(dir.resolve("home"), FindingFixture.GOVERNANCE, CHART)) {
      // given 25 ordinary MES weeks, and in June the MES day of 2025-W08 sent again, corrected to 90%
      for (int week = 0; week < 25; week++) {
        fixture.mesDay(LocalDate.of(2025, 1, 6).plusWeeks(week).toString(), 1000, INSPECTED.get(week % 12));
      }
      fixture.deliver("mes", "mes_2025-02-17.csv", LocalDateTime.parse("2025-06-20T02:00"), FindingFixture.MES_HEADER,
          List.of(List.of("2025-02-17", "CRITICAL", "1000", "900")));
      fixture.reconcile("2025-06-30");

      // when the report is rendered in English and in German
      String english = controlCharts(fixture, Locale.UK, "report.pdf", "Controlchartsandearlywarnings");
      String german = controlCharts(fixture, Locale.GERMANY, "bericht.pdf", "RegelkartenundFrühwarnungen");

      // then the chart's one signalling week is the corrected one, and the sentence beneath it says the
      // limits rest on the other eleven baseline weeks (compared without white space: the sentences wrap)
      assertThat(english).contains(PdfText.withoutSpaces("Inspection coverage · Production"),
          PdfText.withoutSpaces("2025-W08 0.90 WE1"), PdfText.withoutSpaces("The centre line and limits rest on 11"
              + " of the 12 weekly points of the baseline 2025-W02 .. 2025-W13: 2025-W08 lay beyond the limits that all"
              + " 12 gave and is left out as out of control; it is still plotted and marked."));
      assertThat(english).doesNotContain("WE2", "WE3", "WE4");
      assertThat(german).contains(PdfText.withoutSpaces("Mittellinie und Eingriffsgrenzen beruhen auf 11 der 12"
          + " Wochenwerte der Basisperiode 2025-W02 .. 2025-W13: 2025-W08 lag außerhalb der Grenzen, die alle 12"
          + " ergaben, und bleibt als außer Kontrolle unberücksichtigt; die Woche ist weiter eingezeichnet und"
          + " markiert."));
    }
  }

  /** The rendered report's control charts, without white space: from the section's heading to the rules' legend. */
  private String controlCharts(FindingFixture fixture, Locale locale, String file, String heading) throws Exception {
    Path pdf = RptFixtures.a4().render(fixture.connection(), dir.resolve(file), GENERATED_AT,
        ReportOptions.of(locale, "quarter"));
    String text = PdfText.withoutSpaces(pdf);
    int section = text.lastIndexOf(heading);
    assertThat(section).as("the report has a control-chart section").isNotNegative();
    String rules = PdfText.withoutSpaces(ReportSentences.bundle(locale).getString("chart.rules"));
    return text.substring(section, text.indexOf(rules, section));
  }
}
