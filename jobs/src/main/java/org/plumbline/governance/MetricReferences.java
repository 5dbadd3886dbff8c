package org.plumbline.governance;

import java.util.List;
import org.plumbline.governance.Source.Shape;

/**
 * A KPI's numerator and denominator, and a cost of poor quality's measure, must be a metric
 * their source lists: the source's own, or on a sheet of several tables any table's own.
 */
final class MetricReferences {

  private MetricReferences() {}

  /** Reports under {@code key} a metric the source and its tables list nowhere; null is left to the readers. */
  static void mustBeMetric(Block block, String key, String metric, Source source) {
    if (metric == null || source.readsMetric(metric)) {
      return;
    }
    List<String> names = source.metricNames();
    boolean tables = !source.tables().isEmpty();
    String listed = names.isEmpty()
        ? (tables ? "neither it nor any of its tables lists a metric" : "it lists no metrics")
        : (tables ? "the metrics it and its tables list are " : "its metrics are ") + String.join(", ", names);
    block.problem(key, "The " + key + " '" + metric + "' is not a metric of source '" + source.id() + "'"
        + (tables ? " or of any of its tables" : "") + "; " + listed + "." + Suggestions.didYouMean(metric, names)
        + namedInTheFile(source));
  }

  /** Where the file names the metrics, a name is measured once listed; say so, as the file may well have it. */
  private static String namedInTheFile(Source source) {
    boolean named = namedInTheFile(source.shape())
        || source.tables().stream().anyMatch(table -> namedInTheFile(source.shapeOf(table)));
    return named ? " Metrics named in the file (shape metric_per_row or periods_across) are measured once listed"
        + " under 'metrics' by their name." : "";
  }

  private static boolean namedInTheFile(Shape shape) {
    return shape == Shape.METRIC_PER_ROW || shape == Shape.PERIODS_ACROSS;
  }
}
