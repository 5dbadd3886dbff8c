package org.plumbline.ingest;

import java.util.Map;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.governance.Kpi;
import org.plumbline.governance.ReadingSettings;
import org.plumbline.governance.Source;
import org.plumbline.governance.Source.SourceMetric;

/**
 * How a metric's numbers become values in its KPI's unit: the source's scale (figures in
 * thousands) times the ratio between the unit the file states (percent, fraction, ppm) and
 * the KPI's. A text such as "98 %" states percent whatever the column says.
 */
final class UnitConversion {

  /** Each ratio unit as a multiple of a fraction. */
  private static final Map<String, Double> RATIO = Map.of("fraction", 1.0, "percent", 0.01, "ppm", 0.000001);

  /**
   * @param factor for plain numbers
   * @param percentFactor for text ending in %, null where a percentage cannot be meant
   */
  record Factors(double factor, Double percentFactor) {}

  private final GovernanceModel model;

  UnitConversion(GovernanceModel model) {
    this.model = model;
  }

  Factors of(Source source, String metricName, SourceMetric stated) {
    double scale = stated == null ? 1 : stated.scale();
    String kpiUnit = kpiUnit(source, metricName);
    String statedUnit = stated == null ? null : stated.unit();
    if (kpiUnit == null) {
      // No KPI to convert to (a system's measure): take numbers as stated, "98 %" as 98.
      return new Factors(scale, 1.0);
    }
    if (!RATIO.containsKey(kpiUnit)) {
      return new Factors(scale, null);
    }
    double conversion = statedUnit == null ? 1 : RATIO.get(statedUnit) / RATIO.get(kpiUnit);
    return new Factors(scale * conversion, RATIO.get("percent") / RATIO.get(kpiUnit));
  }

  private String kpiUnit(Source source, String metricName) {
    Kpi kpi = kpi(source, metricName);
    return kpi == null ? null : kpi.unit();
  }

  /** The catalogue KPI a self-reported metric stands for; null for a system's measure or a name the catalogue lacks. */
  Kpi kpi(Source source, String metricName) {
    return ReadingSettings.kpiOf(model, source, metricName);
  }
}
