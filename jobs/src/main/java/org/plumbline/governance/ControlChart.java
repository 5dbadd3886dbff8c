package org.plumbline.governance;

import java.time.LocalDate;
import java.util.List;

/**
 * How one KPI's weekly series is watched for early warnings: the control chart that fits its
 * data, the baseline (phase I) its limits come from, the run rules applied afterwards (phase
 * II), and the trend test behind a projected threshold crossing.
 *
 * @param minBaselinePoints how many weekly points a department's series must have in the baseline
 *     for its limits to be drawn; a series with fewer is listed as not charted, not judged
 * @param rules rule ids such as {@code WE1} or {@code N3}; {@link #defaultRules(Chart)} when the
 *     config names none
 * @param trend null when the KPI's trend is not tested
 */
public record ControlChart(
    String kpiId,
    Chart chart,
    LocalDate baselineFrom,
    LocalDate baselineTo,
    int minBaselinePoints,
    List<String> rules,
    TrendTest trend) {

  /** Control chart types: individuals/moving range and x̄/R for measurements, p for proportions, c/u for counts. */
  public enum Chart { INDIVIDUALS, XBAR_R, P, C, U }

  /**
   * Baseline points a chart needs when the config does not say: limits from fewer are mostly
   * noise. Montgomery (Introduction to Statistical Quality Control) and the AIAG SPC manual ask
   * for 20 to 25 subgroups in phase I; 20 is the low end of that rule of thumb.
   */
  public static final int DEFAULT_MIN_BASELINE_POINTS = 20;

  /** Two points are the fewest with a spread (one moving range); fewer can never give limits. */
  public static final int FEWEST_BASELINE_POINTS = 2;

  /** Western Electric rules 1–4 and Nelson rules 1–8, by the ids the config and the SQL use. */
  public static final List<String> RULES =
      List.of("WE1", "WE2", "WE3", "WE4", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8");

  /**
   * The rules applied when the config names none. Measurements get the Western Electric set
   * plus Nelson's trend rule; attribute charts (p, c, u) are skewed at low rates, where the
   * trend and alternation rules mostly raise false alarms, so they keep the Western Electric set.
   */
  public static List<String> defaultRules(Chart chart) {
    return switch (chart) {
      case INDIVIDUALS, XBAR_R -> List.of("WE1", "WE2", "WE3", "WE4", "N3");
      case P, C, U -> List.of("WE1", "WE2", "WE3", "WE4");
    };
  }

  /**
   * A Mann-Kendall trend test with a Theil-Sen slope over the last {@code windowWeeks} points.
   *
   * @param significance the test's level α; the slope's confidence interval is at 1 − α
   */
  public record TrendTest(int windowWeeks, double significance) {}
}
