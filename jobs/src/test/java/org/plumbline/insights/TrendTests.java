package org.plumbline.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Mann-Kendall test and Theil-Sen slope of sql/insights/int_kpi_trend.sql, and the
 * threshold projection of fct_threshold_projection.sql built on them.
 *
 * <p>Expected figures: S, var(S) and the two-sided p from the textbook formulas (Kendall 1975,
 * with the tie correction); slope and its 95% interval from scipy 1.17.1
 * {@code scipy.stats.theilslopes(y, x, alpha=0.95)}, which implements Sen (1968).
 */
class TrendTests {

  static final List<Double> RISING = List.of(1.2, 1.5, 1.1, 1.9, 2.3, 2.0, 2.8, 2.6, 3.1, 3.0, 3.5, 3.4);
  static final List<Double> RISING_COUNTS_WITH_TIES = List.of(0.0, 1.0, 0.0, 0.0, 2.0, 1.0, 1.0, 3.0, 2.0, 2.0, 4.0,
      3.0);
  static final List<Double> FLAT = List.of(3.0, 2.9, 3.1, 3.0, 2.8, 3.2, 3.0, 2.9, 3.1, 3.0, 3.05, 2.95);

  @TempDir
  Path folder;
  ModelBench bench;

  @BeforeEach
  void openBench() throws SQLException {
    bench = ModelBench.open(folder).withSeriesTable();
  }

  @AfterEach
  void closeBench() throws SQLException {
    bench.close();
  }

  @Test
  void aRisingSeriesHasTheTextbookStatisticsAndSensInterval() throws SQLException {
    // given a 12-week test at 5% on a steadily rising series
    trendTest("k", 12, 0.05);
    bench.weeklySeries("k", "D", RISING);

    // when the trend is computed
    bench.run("int_kpi_trend");

    // then S = 54, var(S) = 12 * 11 * 29 / 18 = 212.667, z = 53 / sqrt(212.667) = 3.63435, p = 0.000279
    List<Object> trend = trendRow();
    assertThat(trend.get(0)).isEqualTo(54L);
    assertThat((Double) trend.get(1)).isCloseTo(212.666667, within(1e-6));
    assertThat((Double) trend.get(2)).isCloseTo(3.634345, within(1e-6));
    assertThat((Double) trend.get(3)).isCloseTo(0.000279, within(1e-6));
    assertThat((Double) trend.get(4)).isCloseTo(0.211111, within(1e-6));
    assertThat((Double) trend.get(5)).isCloseTo(0.183333, within(1e-6));
    assertThat((Double) trend.get(6)).isCloseTo(0.271429, within(1e-6));
    assertThat((Double) trend.get(7)).isCloseTo(3.555556, within(1e-6));
    assertThat(trend.get(8)).isEqualTo(true);
    assertThat(trend.get(9)).isEqualTo("up");
  }

  @Test
  void tiedValuesReduceTheVarianceAsKendallCorrects() throws SQLException {
    // given weekly counts with many ties: three 0s, three 1s, three 2s, two 3s and one 4
    trendTest("k", 12, 0.05);
    bench.weeklySeries("k", "D", RISING_COUNTS_WITH_TIES);

    bench.run("int_kpi_trend");

    // then var(S) = (3828 - 3 * (3 * 2 * 11) - 2 * 1 * 9) / 18 = 200.667; S = 42, p = 0.0038
    List<Object> trend = trendRow();
    assertThat(trend.get(0)).isEqualTo(42L);
    assertThat((Double) trend.get(1)).isCloseTo(200.666667, within(1e-6));
    assertThat((Double) trend.get(3)).isCloseTo(0.003800, within(1e-6));
    assertThat((Double) trend.get(4)).isCloseTo(0.333333, within(1e-6));
    assertThat((Double) trend.get(5)).isCloseTo(0.142857, within(1e-6));
    assertThat((Double) trend.get(6)).isCloseTo(0.4, within(1e-6));
  }

  @Test
  void aFlatSeriesIsNotSignificant() throws SQLException {
    trendTest("k", 12, 0.05);
    bench.weeklySeries("k", "D", FLAT);

    bench.run("int_kpi_trend");

    List<Object> trend = trendRow();
    assertThat(trend.get(0)).isEqualTo(2L);
    assertThat((Double) trend.get(3)).isCloseTo(0.943907, within(1e-6));
    assertThat(trend.get(8)).isEqualTo(false);
  }

  @Test
  void theWindowSlidesOneWeekAtATimeOnceItIsFull() throws SQLException {
    // given a 20-week series and a 12-week window
    trendTest("k", 12, 0.05);
    bench.weeklySeries("k", "D", IntStream.range(0, 20).mapToObj(i -> (double) (i % 5)).toList());

    bench.run("int_kpi_trend");

    // then there is one window per week from the 12th on, each of 12 points
    assertThat(bench.query("select count(*), min(point_count), max(point_count), min(end_week), max(start_week)"
        + " from int_kpi_trend").get(0)).containsExactly(9L, 12L, 12L, "2025-W12", "2025-W09");
  }

  @Test
  void aSignificantRiseTowardsACeilingIsProjectedToTheDayItCrossesIt() throws SQLException {
    // given the rising series on a charted KPI (lower is better) with a policy ceiling of 5.0
    trendTest("k", 12, 0.05);
    bench.weeklySeries("k", "D", RISING);
    bench.sql("insert into dim_kpi values ('k', 'Returns', 'quality', 'count', 'lower_is_better', 2, 'head_of_quality',"
        + " 0, null, null, null, null, 'sum')",
        "insert into dim_control_chart values ('k', 'individuals', date '2024-12-30', date '2025-02-23', 8, 12, 0.05)",
        "insert into dim_policy values ('POL-R', 1, 'Returns stay at or below 5 a week.', 'k', '<=', 5, 'head_of_quality',"
        + " 'high', date '2024-01-01', null)",
        "update run_context set as_of_date = date '2025-03-24'");

    // when the projection is made, as of the Monday after the last week
    bench.run("int_kpi_trend", "fct_threshold_projection");

    // then the line at 3.5556 in the last week (2025-W12, starting 2025-03-17), rising 0.21111 a week,
    // reaches 5.0 in (5 - 3.5556) / 0.21111 = 6.842 weeks: 48 days later, on 2025-05-04; the slope's
    // limits 0.27143 and 0.18333 give 5.32 and 7.88 weeks (37 and 55 days): 2025-04-23 and 2025-05-11
    List<Object> projection = bench.query("select threshold_source, projected_crossing_date,"
        + " projected_crossing_earliest, projected_crossing_latest, is_already_past, severity from fct_threshold_projection")
        .get(0);
    assertThat(projection).containsExactly("policy POL-R", LocalDate.of(2025, 5, 4), LocalDate.of(2025, 4, 23),
        LocalDate.of(2025, 5, 11), false, "medium");
  }

  @Test
  void aTrendAwayFromTheThresholdOrWithoutSignificanceIsNotProjected() throws SQLException {
    // given a KPI where higher is better, rising (good news), and a flat one
    trendTest("k", 12, 0.05);
    trendTest("flat", 12, 0.05);
    bench.weeklySeries("k", "D", RISING);
    bench.weeklySeries("flat", "D", FLAT);
    bench.sql("insert into dim_kpi values ('k', 'Yield', 'quality', 'percent', 'higher_is_better', 5, null,"
        + " 0, null, null, null, null, 'mean'), ('flat', 'Returns', 'quality', 'count', 'lower_is_better', 3.1, null,"
        + " 0, null, null, null, null, 'sum')",
        "insert into dim_control_chart values ('k', 'individuals', date '2024-12-30', date '2025-02-23', 8, 12, 0.05),"
        + " ('flat', 'individuals', date '2024-12-30', date '2025-02-23', 8, 12, 0.05)");

    bench.run("int_kpi_trend", "fct_threshold_projection");

    assertThat(bench.single("select count(*) from fct_threshold_projection")).isEqualTo(0L);
  }

  private void trendTest(String kpi, int window, double significance) throws SQLException {
    bench.sql("insert into dim_trend_test values ('" + kpi + "', " + window + ", " + significance + ", "
        + NormalDistribution.quantile(1 - significance / 2) + ")");
  }

  /** Weekly values from 2024-12-30 (2025-W01) on. */


  private List<Object> trendRow() throws SQLException {
    return bench.query("select s_statistic, s_variance, z_statistic, p_value, slope, slope_low, slope_high,"
        + " level_at_end, is_significant, direction from int_kpi_trend").get(0);
  }
}
