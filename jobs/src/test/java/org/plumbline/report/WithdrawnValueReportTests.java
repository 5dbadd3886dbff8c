package org.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.reconcile.FindingFixture;

/**
 * A value withdrawn by a new version of its file (the same name sent again without that period)
 * is a retroactive revision on the report's pages, said in words: a real reconciliation, the
 * rpt_* tables built by the real SQL and the real templates filled into a PDF read back.
 */
class WithdrawnValueReportTests {

  private static final ZonedDateTime GENERATED_AT =
      ZonedDateTime.of(2025, 8, 1, 6, 0, 0, 0, ZoneId.of("Europe/Berlin"));

  @TempDir
  Path dir;

  @Test
  void aWithdrawnValueIsListedAsARevisionThatSaysWhatWasWithdrawnAndWhy() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(dir.resolve("home"), FindingFixture.GOVERNANCE, "")) {
      // given prod_2025.csv with a mistaken W25, then the same file again without it
      fixture.prodSheet("prod_2025.csv", LocalDateTime.parse("2025-07-03T08:00"), List.of(
              List.of("2025-06-09", "100", "100"), List.of("2025-06-16", "999", "100")))
          .prodSheet("prod_2025.csv", LocalDateTime.parse("2025-07-06T08:00"), List.of(
              List.of("2025-06-09", "100", "100")));
      fixture.reconcile("2025-07-31");

      // when
      Path pdf = RptFixtures.a4().render(fixture.connection(), dir.resolve("withdrawn.pdf"), GENERATED_AT);

      // then the revisions page names the withdrawn figures and the week they were for
      assertThat(PdfText.of(pdf)).contains(
          "Units produced: the 999 units for 2025-W25 from prod_2025.csv (received 3 Jul 2025) was withdrawn:"
              + " the newer version received 6 Jul 2025 no longer holds that period.",
          "Inspection coverage: the 100.0% for 2025-W25 from prod_2025.csv (received 3 Jul 2025) was withdrawn:"
              + " the newer version received 6 Jul 2025 no longer holds that period.");
    }
  }
}
