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
 * A German report prints each finding's evidence sentence in German, with German numbers, units
 * and dates: a real reconciliation (an early warning on a p chart and a withdrawn value), the
 * rpt_* tables built by the real SQL and the real templates filled into a PDF read back. The
 * English sentence stays in the warehouse for analysts.
 */
class GermanEvidenceReportTests {

  private static final ZonedDateTime GENERATED_AT =
      ZonedDateTime.of(2025, 8, 1, 6, 0, 0, 0, ZoneId.of("Europe/Berlin"));

  /** Inspection coverage on a p chart with a six-week baseline, June to mid-July 2025, allowed to be that short. */
  private static final String CHART = """
      control_charts:
        - kpi: inspection_coverage
          chart: p
          baseline: { from: 2025-06-02, to: 2025-07-13 }
          min_baseline_points: 6
      """;

  /** Critical parts inspected of 1,000 each Monday from 2025-06-02: six baseline weeks, then a drop. */
  private static final List<Integer> INSPECTED = List.of(1000, 995, 998, 997, 999, 996, 990, 985, 980);

  @TempDir
  Path dir;

  @Test
  void aGermanReportSaysWhatAnEarlyWarningAndAWithdrawnValueFoundInGerman() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(dir.resolve("home"), FindingFixture.GOVERNANCE, CHART)) {
      // given nine MES weeks whose last three fall below the baseline's lower limit, and
      // prod_2025.csv with a mistaken W25, then the same file again without it
      for (int week = 0; week < INSPECTED.size(); week++) {
        fixture.mesDay(LocalDate.of(2025, 6, 2).plusWeeks(week).toString(), 1000, INSPECTED.get(week));
      }
      fixture.prodSheet("prod_2025.csv", LocalDateTime.parse("2025-07-03T08:00"), List.of(
              List.of("2025-06-09", "100", "99.5"), List.of("2025-06-16", "1234", "99.8")))
          .prodSheet("prod_2025.csv", LocalDateTime.parse("2025-07-06T08:00"), List.of(
              List.of("2025-06-09", "100", "99.5")));
      fixture.reconcile("2025-07-31");

      // when the report is rendered in German
      Path pdf = RptFixtures.a4().render(fixture.connection(), dir.resolve("bericht.pdf"), GENERATED_AT,
          ReportOptions.of(Locale.GERMANY, "quarter"));

      // then the findings pages say it in German, with German numbers, units and dates
      // (compared without white space: the sentences wrap)
      String text = PdfText.withoutSpaces(pdf);
      assertThat(text).contains(PdfText.withoutSpaces("Inspection coverage (p-Karte): ein Punkt jenseits von 3 Sigma"
              + " (WE1), erstmals in 2025-W29 mit 99,0\u00a0% bei einer Mittellinie von 99,8\u00a0% und Eingriffsgrenzen von"
              + " 99,3\u00a0% bis 100,0\u00a0% (Punkte 2025-W29); die Regel schlug in 3 Wochen an, zuletzt in 2025-W31."),
          PdfText.withoutSpaces("Units produced: Der Wert 1.234 units für 2025-W25 aus prod_2025.csv (eingegangen"
              + " am 03.07.2025) wurde zurückgezogen: Die neuere Fassung, eingegangen am 06.07.2025, enthält diesen"
              + " Zeitraum nicht mehr."),
          PdfText.withoutSpaces("Inspection coverage: Der Wert 99,8\u00a0% für 2025-W25 aus prod_2025.csv"));
      // and no English of an evidence sentence is left
      assertThat(text).doesNotContain("chart)", "pointbeyond", "firstin", "waswithdrawn", "received", "upto");
    }
  }
}
