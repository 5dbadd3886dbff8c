package org.plumbline.governance;

import java.time.LocalDate;
import java.util.List;

/**
 * How one KPI's weekly series is watched for early warnings: the control chart that fits its
 * data, the baseline (phase I) its limits come from, the run rules applied afterwards (phase
 * II), and the trend test behind a projected threshold crossing.
 *
 * @param rules rule ids such as {@code WE1} or {@code N3}; {@link #defaultRules(Chart)} when the
 *     config names none
 * @param trend null when the KPI's trend is not tested
 */
public record ControlChart(
    String kpiId,
    Chart chart,
    LocalDate baselineFrom,
    LocalDate baselineTo,
    List<String> rules,
    TrendTest trend) {

  /** Control chart types: individuals/moving range and x̄/R for measurements, p for proportions, c/u for counts. */
  public enum Chart { INDIVIDUALS, XBAR_R, P, C, U }

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
