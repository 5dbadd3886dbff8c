package org.plumbline.governance;

import static org.plumbline.governance.Block.Need.OPTIONAL;
import static org.plumbline.governance.Block.Need.REQUIRED;

import java.time.LocalDate;
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
    List<String> rules = rules(entry, chart);
    TrendTest trend = trend(entry.child("trend", "trend test", OPTIONAL));
    return new ControlChart(kpi, chart, from, to, rules, trend);
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
