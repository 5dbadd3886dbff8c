package org.plumbline.governance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which metrics of which sources hold money, and in which currency: a metric that names its
 * own {@code currency} (in the source's list or in a table's own), and every metric of a source with a {@code currency} that feeds a money
 * KPI (a KPI whose unit is a currency code, through a department's local name or a KPI's
 * measurement) or a cost of poor quality. Quantities (units, counts) are never converted.
 */
final class MoneyColumns {

  /** A source's metric, by name, and the currency its values are stated in. */
  record MoneyColumn(String sourceId, String metricName, String currency) {}

  private MoneyColumns() {}

  static boolean isCurrencyUnit(String unit) {
    return unit != null && unit.matches("[A-Z]{3}");
  }

  static List<MoneyColumn> of(GovernanceModel model) {
    Map<List<String>, MoneyColumn> columns = new LinkedHashMap<>();
    for (Source source : model.sources()) {
      // The source's metrics, then those a table of the sheet lists as its own.
      List<Source.SourceMetric> listed = new java.util.ArrayList<>(source.metrics());
      source.tables().stream().filter(table -> table.metrics() != null).forEach(table -> listed.addAll(table.metrics()));
      for (Source.SourceMetric metric : listed) {
        if (metric.currency() != null && metric.name() != null) {
          columns.putIfAbsent(List.of(source.id(), metric.name()),
              new MoneyColumn(source.id(), metric.name(), metric.currency()));
        }
      }
      if (source.currency() == null) {
        continue;
      }
      for (String measure : moneyMeasures(model, source)) {
        columns.putIfAbsent(List.of(source.id(), measure), new MoneyColumn(source.id(), measure, source.currency()));
      }
    }
    return List.copyOf(columns.values());
  }

  /** The metric names of a source that feed money: KPIs in a currency, costs of poor quality. */
  private static Set<String> moneyMeasures(GovernanceModel model, Source source) {
    Set<String> measures = new TreeSet<>();
    for (Kpi kpi : model.kpis()) {
      if (!isCurrencyUnit(kpi.unit())) {
        continue;
      }
      Measurement measured = kpi.measuredBy();
      if (measured != null && source.id().equals(measured.sourceId())) {
        measures.add(measured.numerator());
        if (measured.denominator() != null) {
          measures.add(measured.denominator());
        }
      }
      for (Department department : model.departments()) {
        if (department.code() != null && department.code().equals(source.departmentCode())) {
          department.localKpiNames().forEach((localName, kpiId) -> {
            if (kpi.id().equals(kpiId)) {
              measures.add(localName);
            }
          });
        }
      }
    }
    for (PoorQualityCost cost : model.poorQualityCosts()) {
      if (source.id().equals(cost.sourceId())) {
        measures.add(cost.measure());
      }
    }
    return measures;
  }
}
