package org.plumbline.governance;

import static org.plumbline.governance.Block.Need.OPTIONAL;
import static org.plumbline.governance.Block.Need.REQUIRED;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.plumbline.governance.ControlChart.Chart;
import org.plumbline.governance.ControlChart.TrendTest;

/** Reads one entry of {@code control_charts}. */
final class ControlChartReader {

  private ControlChartReader() {}

  static ControlChart read(Block entry) {
    String kpi = entry.text("kpi", REQUIRED);
    Chart chart = entry.choice("chart", Chart.class, REQUIRED);
    Block baseline = entry.child("baseline", "baseline", REQUIRED);
    LocalDate from = baseline == null ? null : baseline.date("from", REQUIRED);
    LocalDate to = baseline == null ? null : baseline.date("to", REQUIRED);
    if (from != null && to != null && to.isBefore(from)) {
      baseline.problem("to", "The baseline ends on " + to + ", before it starts on " + from + ".");
    }
    int minPoints = minBaselinePoints(entry, baseline, from, to);
    List<String> rules = rules(entry, chart);
    TrendTest trend = trend(entry.child("trend", "trend test", OPTIONAL));
    return new ControlChart(kpi, chart, from, to, minPoints, rules, trend);
  }

  /**
   * The fewest weekly points a series needs in the baseline; a baseline window with fewer weeks
   * than that could never chart any series, so it is a mistake in the config, named on the key
   * that causes it (min_baseline_points where it is given, else the baseline).
   */
  private static int minBaselinePoints(Block entry, Block baseline, LocalDate from, LocalDate to) {
    Integer configured = entry.count("min_baseline_points", OPTIONAL);
    if (configured != null && configured < ControlChart.FEWEST_BASELINE_POINTS) {
      entry.problem("min_baseline_points", "'min_baseline_points' must be at least "
          + ControlChart.FEWEST_BASELINE_POINTS + ": limits need a spread, which one point does not have.");
      return ControlChart.FEWEST_BASELINE_POINTS;
    }
    int minPoints = configured == null ? ControlChart.DEFAULT_MIN_BASELINE_POINTS : configured;
    if (from == null || to == null || to.isBefore(from) || entry.has("min_baseline_points") && configured == null) {
      return minPoints;
    }
    long weeks = weeksIn(from, to);
    String holds = "The baseline " + from + " to " + to + " holds " + weeks + (weeks == 1 ? " week" : " weeks");
    if (weeks < minPoints && configured != null) {
      entry.problem("min_baseline_points", holds + ", fewer than the " + minPoints + " points min_baseline_points"
          + " asks for, so no series could ever be charted; widen the baseline or lower min_baseline_points.");
    } else if (weeks < minPoints) {
      baseline.problem(holds + ", fewer than the " + minPoints + " points a chart needs by default, so no series"
          + " could ever be charted; widen the baseline" + (weeks < ControlChart.FEWEST_BASELINE_POINTS ? "."
          : ", or set min_baseline_points to " + weeks + " or fewer if limits from so few weeks are good enough."));
    }
    return minPoints;
  }

  /** The weeks (their Mondays, as the series are keyed) from {@code from} to {@code to}. */
  private static long weeksIn(LocalDate from, LocalDate to) {
    LocalDate firstMonday = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    return firstMonday.isAfter(to) ? 0 : ChronoUnit.WEEKS.between(firstMonday, to) + 1;
  }

  private static List<String> rules(Block entry, Chart chart) {
    if (!entry.has("rules")) {
      return chart == null ? List.of() : ControlChart.defaultRules(chart);
    }
    List<String> rules = new ArrayList<>();
    for (String rule : entry.textList("rules")) {
      String id = rule.strip().toUpperCase(Locale.ROOT);
      if (!ControlChart.RULES.contains(id)) {
        entry.problem("rules", "Unknown rule '" + rule + "': the rules are " + String.join(", ", ControlChart.RULES)
            + " (Western Electric 1-4, Nelson 1-8)." + Suggestions.didYouMean(id, ControlChart.RULES));
      } else if (!rules.contains(id)) {
        rules.add(id);
      }
    }
    if (rules.isEmpty()) {
      entry.problem("rules", "'rules' names no rule; leave it out to use the defaults for the chart type.");
    }
    return List.copyOf(rules);
  }

  /** Also used for compliance mirages, which test trends the same way. */
  static TrendTest trend(Block block) {
    if (block == null) {
      return null;
    }
    Integer window = block.count("window_weeks", REQUIRED);
    Double significance = block.number("significance", REQUIRED);
    if (window != null && window < 4) {
      block.problem("window_weeks", "A trend test needs a window of at least 4 weeks; " + window + " is too few"
          + " for the Mann-Kendall test to ever be significant.");
    }
    if (significance != null && (significance <= 0 || significance >= 0.5)) {
      block.problem("significance", "The significance must be a probability above 0 and below 0.5, such as 0.05;"
          + " it is " + significance + ".");
    }
    return new TrendTest(window == null ? 0 : window, significance == null ? 0 : significance);
  }
}
