package org.plumbline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

class WeeklyChartCustomizerTests {

  @Test
  void labelsEveryFourthWeekOfAYear() {
    // when / then
    assertThat(WeeklyChartCustomizer.labelStep(52)).isEqualTo(4);
    assertThat(WeeklyChartCustomizer.labelStep(14)).isEqualTo(1);
    assertThat(WeeklyChartCustomizer.labelStep(15)).isEqualTo(2);
    assertThat(WeeklyChartCustomizer.labelStep(0)).isEqualTo(1);
  }

  @Test
  void writesTheYearOnlyOnTheFirstLabelAndWhereItChanges() {
    // given
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (String week : List.of("2025-W49", "2025-W50", "2025-W51", "2025-W52", "2026-W01", "2026-W02")) {
      data.addValue(100.0, "Measured", week);
    }

    // when
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < data.getColumnCount(); i++) {
      labels.add(WeeklyChartCustomizer.label(data, i, 2));
    }

    // then
    assertThat(labels).containsExactly("2025-W49", "", "W51", "", "2026-W01", "");
  }

  @Test
  void findsASeriesByItsPositionWhateverLanguageItIsNamedIn() {
    // given
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (String series : List.of("Selbst gemeldet", "Gemessen", "Schwelle")) {
      data.addValue(100.0, series, "2025-W01");
    }

    // when / then
    assertThat(WeeklyChartCustomizer.row(data, "2")).isEqualTo(2);
    assertThat(WeeklyChartCustomizer.row(data, "Gemessen")).isEqualTo(1);
    assertThat(WeeklyChartCustomizer.row(data, "3")).isEqualTo(-1);
    assertThat(WeeklyChartCustomizer.row(data, null)).isEqualTo(-1);
  }

  @Test
  void theValueAxisFitsTheFiguresInsteadOfStartingAtZero() {
    // given a yield between 94 and 96 % against a threshold of 95 %, on JasperReports' line chart
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    data.addValue(94.0, "Measured", "2025-W01");
    data.addValue(96.0, "Measured", "2025-W02");
    data.addValue(95.0, "Threshold", "2025-W01");
    data.addValue(95.0, "Threshold", "2025-W02");
    CategoryPlot plot = ChartFactory.createLineChart(null, null, null, data).getCategoryPlot();

    // when
    WeeklyChartCustomizer.fitValueAxis(plot);

    // then the axis spans about 94 to 96, where a two-point gap shows
    assertThat(plot.getRangeAxis().getLowerBound()).isBetween(90.0, 94.0);
    assertThat(plot.getRangeAxis().getUpperBound()).isBetween(96.0, 100.0);
  }
}
