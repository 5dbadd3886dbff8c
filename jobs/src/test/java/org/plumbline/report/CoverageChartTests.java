package org.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.reconcile.FindingFixture;

/**
 * The chart of self-reported against measured figures shows where figures are missing: a real
 * reconciliation, its rpt_coverage_by_period built by the real SQL, the real templates filled,
 * and the JFreeChart JasperReports drew read back (its data, its renderer, its legend).
 */
class CoverageChartTests {

  private static final ZonedDateTime GENERATED_AT =
      ZonedDateTime.of(2025, 7, 7, 6, 0, 0, 0, ZoneId.of("Europe/Berlin"));

  @TempDir
  Path dir;

  /**
   * Month grain: the MES measured January (100 of 100), February (90 of 100) and June (80 of
   * 100), nothing in March to May; Production reported January and April (100%) only.
   */
  private FindingFixture monthsWithGaps() throws Exception {
    return ReportGrainTests.monthlyFigures(dir.resolve("home"),
        List.of(List.of("2025-01-01", "400", "100"), List.of("2025-04-01", "400", "100")),
        List.of(List.of("2025-01-13", "100", "100"), List.of("2025-02-03", "100", "90"), List.of("2025-06-02", "100", "80")),
        "2025-07-05");
  }

  @Test
  void everyMonthFromTheFirstFigureToTheLastIsOnTheAxisAMonthWithoutOneEmpty() throws Exception {
    try (FindingFixture fixture = monthsWithGaps()) {
      // when / then March to May are rows without figures, held to the threshold in force
      // (version 1's 100% until 30 June), not left out
      assertThat(ReportNumbersTests.rows(fixture, """
          select period_label, period_start::varchar, measured_coverage, self_reported_coverage, threshold
          from rpt_coverage_by_period where policy_id = 'POL-INSP-001' order by period_start""")).containsExactly(
          Arrays.asList("2025-01", "2025-01-01", 100.0, 100.0, 100.0),
          Arrays.asList("2025-02", "2025-02-01", 90.0, null, 100.0),
          Arrays.asList("2025-03", "2025-03-01", null, null, 100.0),
          Arrays.asList("2025-04", "2025-04-01", null, 100.0, 100.0),
          Arrays.asList("2025-05", "2025-05-01", null, null, 100.0),
          Arrays.asList("2025-06", "2025-06-01", 80.0, null, 100.0));
    }
  }

  @Test
  void theFilledChartBreaksTheLinesAtAMonthWithoutAFigure() throws Exception {
    try (FindingFixture fixture = monthsWithGaps()) {
      // when
      JFreeChart chart = theOnlyChart(fixture);

      // then the axis has all six months and each line a gap where it has no figure: a line
      // renderer draws no line to or from a missing value
      CategoryDataset data = chart.getCategoryPlot().getDataset();
      assertThat(data.getColumnKeys()).containsExactly("2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06");
      assertThat(values(data, 0)).containsExactly(100.0, null, null, 100.0, null, null);
      assertThat(values(data, 1)).containsExactly(100.0, 90.0, null, null, null, 80.0);
      assertThat(values(data, 2)).containsExactly(100.0, 100.0, 100.0, 100.0, 100.0, 100.0);
    }
  }

  @Test
  void aLoneFigureIsDrawnAsADotAndTheLegendShowsTheDots() throws Exception {
    try (FindingFixture fixture = monthsWithGaps()) {
      // when
      JFreeChart chart = theOnlyChart(fixture);

      // then April's reported 100% and June's measured 80%, each without a neighbour to draw a line
      // to, are dots; so is every other figure of the two lines, and the threshold has none
      CategoryPlot plot = chart.getCategoryPlot();
      LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
      assertThat(renderer.getItemShapeVisible(0, 3)).isTrue();
      assertThat(renderer.getItemShapeVisible(1, 5)).isTrue();
      assertThat(renderer.getItemShapeVisible(1, 0)).isTrue();
      assertThat(renderer.getItemShapeVisible(2, 3)).isFalse();
      assertThat(renderer.getSeriesShape(0).getBounds2D().getWidth()).isEqualTo(WeeklyChartCustomizer.WIDE_DOT);
      assertThat(renderer.getSeriesShape(1).getBounds2D().getWidth()).isEqualTo(WeeklyChartCustomizer.DOT);
      // and the legend draws each line as the chart does: with its dot, the threshold without
      LegendItemCollection legend = plot.getLegendItems();
      assertThat(legend.getItemCount()).isEqualTo(3);
      List<Boolean> dots = new ArrayList<>();
      for (int i = 0; i < legend.getItemCount(); i++) {
        LegendItem item = legend.get(i);
        dots.add(item.isShapeVisible() && item.isLineVisible());
      }
      assertThat(dots).containsExactly(true, true, false);
    }
  }

  @Test
  void atTheWeekGrainAWeekWithoutAFigureIsOnTheAxisToo() throws Exception {
    // given the MES measured 2025-W03, W04 and W07, nothing in W05 and W06
    try (FindingFixture fixture = FindingFixture.create(dir.resolve("home"), FindingFixture.GOVERNANCE, "")) {
      fixture.mesDay("2025-01-13", 100, 100).mesDay("2025-01-20", 100, 98).mesDay("2025-02-10", 100, 95)
          .reconcile("2025-02-17");

      // when
      JFreeChart chart = theOnlyChart(fixture);

      // then
      CategoryDataset data = chart.getCategoryPlot().getDataset();
      assertThat(data.getColumnKeys()).containsExactly("2025-W03", "2025-W04", "2025-W05", "2025-W06", "2025-W07");
      assertThat(values(data, 1)).containsExactly(100.0, 98.0, null, null, 95.0);
    }
  }

  /** The report filled from the fixture's warehouse, and its one chart of self-reported vs measured. */
  private JFreeChart theOnlyChart(FindingFixture fixture) {
    List<JFreeChart> charts = RptFixtures.a4().fill(fixture.connection(), dir.resolve("swap"), GENERATED_AT,
        ReportOptions.defaults(), FilledCharts::of);
    assertThat(charts).hasSize(1);
    return charts.get(0);
  }

  private static List<Number> values(CategoryDataset data, int series) {
    List<Number> values = new ArrayList<>();
    for (int column = 0; column < data.getColumnCount(); column++) {
      values.add(data.getValue(series, column));
    }
    return values;
  }
}
