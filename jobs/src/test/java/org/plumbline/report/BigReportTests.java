package org.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long report fills in a small heap: its pages beyond the first few are swapped out to a file
 * (JRSwapFileVirtualizer) and every growing section reads its rows through a streaming JDBC
 * result, never a Java list. Rendered in its own JVM with {@code -Xmx64m}: 2,000 findings in one
 * section (some 80 pages, so pages are swapped out and back, charts included) and 20,000
 * quarantined rows. The 100,000-row case under {@code -Xmx512m} takes about a minute and a half
 * on a busy 2-core machine, so it is a benchmark (bench/report.sh, figures in bench/RESULTS.md).
 */
class BigReportTests {

  private static final int FINDINGS = 2_000;
  /** The last finding the section prints: low severity, last week of the year, highest key. */
  private static final String LAST_FINDING = "policy_breach:POL-BIG-001975";

  @TempDir
  Path dir;

  @Test
  void rendersTwoThousandFindingsInASixtyFourMegabyteHeap() throws Exception {
    // given
    Path db = dir.resolve("big.duckdb");
    try (Connection duckdb = RptFixtures.open(db)) {
      BigReportMain.generate(duckdb, FINDINGS, 20_000);
    }
    Path pdf = dir.resolve("outbox/big.pdf");
    Path log = dir.resolve("render.log");

    // when
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process render = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
        BigReportMain.class.getName(), "render", db.toString(), pdf.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean ended = render.waitFor(180, TimeUnit.SECONDS);
    if (!ended) {
      render.destroyForcibly();
    }

    // then
    assertThat(ended).as("the render ended within 3 minutes").isTrue();
    assertThat(render.exitValue()).as(Files.readString(log)).isZero();
    assertThat(Files.readString(log)).containsPattern("(?m)^OK \\d+ \\d+ \\d+$");
    assertThat(Files.list(pdf.getParent())).as("no swap or partial file is left").containsExactly(pdf);
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      int pages = document.getNumberOfPages();
      assertThat(pages).isGreaterThan(FINDINGS / 30);
      String lastPage = text(document, pages, pages);
      assertThat(lastPage).contains("Page " + pages + " of " + pages);
      int lastFindingPage = pageWith(document, LAST_FINDING);
      assertThat(text(document, lastFindingPage, Math.min(lastFindingPage + 1, pages))).contains("2,000 findings");
      assertThat(text(document, 1, pages)).contains("The value 'x999' in column units is not a number."
          + " (first 10 of 20 rows; the full list is in quarantine.csv)");
    }
  }

  /** The page (from 1) holding {@code text}, searched from the end, where the last rows are. */
  private static int pageWith(PDDocument document, String text) throws java.io.IOException {
    for (int page = document.getNumberOfPages(); page >= 1; page--) {
      if (text(document, page, page).contains(text)) {
        return page;
      }
    }
    throw new AssertionError(text + " is on no page");
  }

  private static String text(PDDocument document, int from, int to) throws java.io.IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(from);
    stripper.setEndPage(to);
    return stripper.getText(document).replaceAll("\\s+", " ");
  }
}
