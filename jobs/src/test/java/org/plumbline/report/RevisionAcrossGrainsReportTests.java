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
 * Weekly figures replaced by a rosier monthly one are a retroactive revision on the report's
 * revisions page and in the findings CSV, in English and in German: a real reconciliation of
 * real CSV files, the rpt_* tables built by the real SQL and the real templates filled into PDFs
 * read back.
 */
class RevisionAcrossGrainsReportTests {

  private static final ZonedDateTime GENERATED_AT =
      ZonedDateTime.of(2025, 5, 1, 6, 0, 0, 0, ZoneId.of("Europe/Berlin"));

  @TempDir
  Path dir;

  @Test
  void weeklyFiguresReplacedByAMonthlyOneAreARevisionThatSaysSoInBothLanguages() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(dir.resolve("home"), FindingFixture.MONTH_GRAIN,
        FindingFixture.MONTHLY_FILE)) {
      // given March's weeks in two sheets, 93.1 % inspected on average, then a monthly file saying 97.0 %
      fixture.prodSheet("prod_2025-03-a.csv", LocalDateTime.parse("2025-03-17T08:00"), List.of(
              List.of("2025-03-03", "100", "93.0"), List.of("2025-03-10", "100", "93.4")))
          .prodSheet("prod_2025-03-b.csv", LocalDateTime.parse("2025-03-31T08:00"), List.of(
              List.of("2025-03-17", "100", "92.8"), List.of("2025-03-24", "100", "93.2")))
          .monthlyFile("monthly_2025-03.csv", LocalDateTime.parse("2025-04-20T08:00"), List.of(
              List.of("2025-03-01", "400", "97.0")));
      fixture.reconcile("2025-04-30");

      // when the report and its findings CSV are written in English and in German
      Path english = RptFixtures.a4().render(fixture.connection(), dir.resolve("report.pdf"), GENERATED_AT);
      Path german = RptFixtures.a4().render(fixture.connection(), dir.resolve("bericht.pdf"), GENERATED_AT,
          ReportOptions.of(Locale.GERMANY, "quarter"));
      ReportCsvExport.write(fixture.connection(), dir.resolve("outbox-en"), "2025-04-30", Locale.UK);
      ReportCsvExport.write(fixture.connection(), dir.resolve("outbox-de"), "2025-04-30", Locale.GERMANY);

      // then the revisions page says which figures were replaced by which, in which files, and that it flatters
      // (compared without white space: the sentences wrap)
      String englishSentence = "Inspection coverage: the weekly figures for 2025-03 from prod_2025-03-a.csv and"
          + " prod_2025-03-b.csv (93.1% on average over 4 weeks, last received 31 Mar 2025) were replaced by the"
          + " monthly figure in monthly_2025-03.csv (97.0%, received 20 Apr 2025): a rise where higher is better,"
          + " which flatters the department.";
      String germanSentence = "Inspection coverage: Die Wochenwerte für 2025-03 aus prod_2025-03-a.csv und"
          + " prod_2025-03-b.csv (93,1\u00a0%, im Mittel über 4 Wochen, zuletzt eingegangen am 31.03.2025) wurden"
          + " durch den Monatswert in monthly_2025-03.csv (97,0\u00a0%, eingegangen am 20.04.2025) ersetzt: ein"
          + " Anstieg, wo höher besser ist; die Korrektur schönt die Zahlen der Abteilung.";
      assertThat(PdfText.withoutSpaces(english)).contains("Retroactiverevisions",
          PdfText.withoutSpaces(englishSentence));
      assertThat(PdfText.withoutSpaces(german)).contains("NachträglicheKorrekturen",
          PdfText.withoutSpaces(germanSentence));
      // and the findings CSV carries the finding with the sentence in the report's language
      assertThat(Files.readString(dir.resolve("outbox-en").resolve(ReportCsvExport.findingsName("2025-04-30"))))
          .contains("retroactive_revision:prod_monthly/Inspected %/2025-03-01/load 3/week to month")
          .contains(englishSentence);
      assertThat(Files.readString(dir.resolve("outbox-de").resolve(ReportCsvExport.findingsName("2025-04-30"))))
          .contains(germanSentence);
    }
  }
}
