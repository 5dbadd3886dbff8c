package org.plumbline.governance;

import static org.plumbline.governance.Block.Need.OPTIONAL;
import static org.plumbline.governance.Block.Need.REQUIRED;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads one entry of {@code incentives}; that the weights add up to 1 is checked here too. */
final class IncentiveSchemeReader {

  private IncentiveSchemeReader() {}

  static IncentiveScheme read(Block entry) {
    String id = entry.text("id", REQUIRED);
    String role = entry.text("role", REQUIRED);
    String period = entry.oneOf("period", IncentiveScheme.PAY_PERIODS, REQUIRED);
    Map<String, Double> weights = new LinkedHashMap<>();
    boolean allNumbers = true;
    for (Map.Entry<String, String> weight : entry.textMap("weights").entrySet()) {
      String key = "weights[" + weight.getKey() + "]";
      Double value = Scalars.number(key, weight.getValue(), message -> entry.problem(key, message));
      if (value == null || value < 0 || value > 1) {
        if (value != null) {
          entry.problem(key, "The weight of " + weight.getKey() + " is " + weight.getValue()
              + "; a weight is a share between 0 and 1.");
        }
        allNumbers = false;
      } else {
        weights.put(weight.getKey(), value);
      }
    }
    if (!entry.has("weights") || weights.isEmpty() && allNumbers) {
      entry.problem("weights", "The incentive scheme needs the KPIs it pays on, as weights: { kpi_id: share }.");
    } else if (allNumbers) {
      double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
      if (Math.abs(sum - 1) > 1e-6) {
        entry.problem("weights", "The weights of incentive scheme " + id + " add up to " + Scalars.plain(sum)
            + ", not 1: each weight is the share of the bonus a KPI decides, so together they must make 1.");
      }
    }
    var from = entry.date("effective_from", REQUIRED);
    var to = entry.date("effective_to", OPTIONAL);
    if (from != null && to != null && to.isBefore(from)) {
      entry.problem("effective_to", "The scheme ends on " + to + ", before it starts on " + from + ".");
    }
    return new IncentiveScheme(id, role, period, Map.copyOf(weights), from, to);
  }
}
