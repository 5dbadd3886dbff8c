package org.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.reconcile.FindingFixture;
import org.plumbline.reconcile.ThresholdProjectionFindingTests;

/** A projected threshold crossing reaches the executive PDF among the early warnings. */
class ThresholdProjectionReportTests {

  private static final ZonedDateTime GENERATED_AT =
      ZonedDateTime.of(2025, 10, 6, 6, 0, 0, 0, ZoneId.of("Europe/Berlin"));

  @TempDir
  Path dir;

  @Test
  void theEarlyWarningsSectionShowsWhenTheTrendCrossesThePolicy() throws Exception {
    // given coverage sliding from 100% to 96.8% over twelve weeks, against a 95% floor
    try (FindingFixture fixture = FindingFixture.create(dir.resolve("home"), FindingFixture.GOVERNANCE,
        ThresholdProjectionFindingTests.CHART)) {
      ThresholdProjectionFindingTests.deliverSlidingCoverage(fixture);
      fixture.reconcile("2025-10-05");

      // when the report is rendered
      Path pdf = RptFixtures.a4().render(fixture.connection(), dir.resolve("projection.pdf"), GENERATED_AT);

      // then the early warnings list the projection with its window, severity, status and sentence
      // and its key on a line of its own (compared without white space: the sentence wraps)
      String text = PdfText.withoutSpaces(pdf);
      int section = text.indexOf("EarlywarningsDepartment");
      assertThat(section).as("the early warnings section lists findings").isNotNegative();
      String warnings = text.substring(section, text.indexOf("Controlchartsandearlywarnings", section));
      assertThat(warnings).contains(PdfText.withoutSpaces("Production 2025-W28 .. 2025-W39 medium NEW Inspection coverage"
          + " trends down by 0.28 points a week"), PdfText.withoutSpaces("Finding key threshold_projection:inspection_coverage/PROD"),
          PdfText.withoutSpaces("the Theil-Sen line crosses policy POL-INSP-001 (95.0%) on 2 Nov 2025."), PdfText.withoutSpaces("1 finding"));
      assertThat(warnings).doesNotContain(PdfText.withoutSpaces("1 findings"));
    }
  }
}
