package org.plumbline.governance;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.plumbline.governance.ControlChart.Chart;

/**
 * Cross-checks of the insight sections (control charts, compliance mirages, cost of poor
 * quality): the KPIs and sources they name exist, and each chart fits how its KPI is measured.
 */
final class InsightReferences {

  private final SectionEntries entries;
  private final Set<String> kpiIds;
  private final Map<String, Kpi> kpis;
  private final Set<String> roles;
  private final Map<String, Source> sources;

  InsightReferences(SectionEntries entries, Set<String> kpiIds, Set<String> roles, Map<String, Source> sources) {
    this.entries = entries;
    this.roles = roles;
    this.kpiIds = kpiIds;
    this.kpis = entries.values(Section.KPIS).stream().filter(k -> k.id() != null)
        .collect(Collectors.toMap(Kpi::id, k -> k, (first, second) -> first));
    this.sources = sources;
  }

  void check() {
    for (Located<ControlChart> entry : entries.of(Section.CONTROL_CHARTS)) {
      ControlChart chart = entry.value();
      if (kpi(entry.block(), "kpi", chart.kpiId()) && chart.chart() != null) {
        chartFits(entry.block(), chart.chart(), kpis.get(chart.kpiId()));
      }
    }
    for (Located<ComplianceMirage> entry : entries.of(Section.COMPLIANCE_MIRAGES)) {
      kpi(entry.block(), "score_kpi", entry.value().scoreKpi());
      for (String watched : entry.value().watchKpis()) {
        kpi(entry.block(), "watch_kpis", watched);
      }
    }
    for (Located<PoorQualityCost> entry : entries.of(Section.POOR_QUALITY_COSTS)) {
      measure(entry.block(), entry.value());
    }
    for (Located<IncentiveCheck> entry : entries.of(Section.INCENTIVE_CHECKS)) {
      for (String role : entry.value().roles()) {
        if (!roles.contains(role)) {
          entry.block().problem("roles", "The incentive check names the role '" + role + "', which is not among the"
              + " roles (" + entries.whereToLook(Section.ROLES) + ")." + Suggestions.didYouMean(role, roles));
        }
      }
    }
  }

  /** p and u charts plot a rate, so they need a denominator; a c chart plots a plain count. */
  private static void chartFits(Block block, Chart chart, Kpi kpi) {
    Measurement measured = kpi.measuredBy();
    boolean hasDenominator = measured != null && measured.denominator() != null;
    String name = chart.name().toLowerCase(java.util.Locale.ROOT);
    if ((chart == Chart.P || chart == Chart.U) && !hasDenominator) {
      block.problem("chart", "A " + name + " chart plots a rate, but KPI '" + kpi.id() + "' is not measured with a"
          + " denominator (kpis.yml: measured_by.denominator); use an individuals or c chart.");
    }
    if (chart == Chart.C && hasDenominator) {
      block.problem("chart", "A c chart plots counts in equal areas of opportunity, but KPI '" + kpi.id()
          + "' is a rate with a denominator; use a p chart (share of units) or a u chart (defects per unit).");
    }
    if (chart == Chart.XBAR_R && measured != null) {
      block.problem("chart", "An xbar_r chart needs the individual values of each week, which only self-reported"
          + " KPIs keep; KPI '" + kpi.id() + "' is measured as one weekly total. Use an individuals chart.");
    }
  }

  private boolean kpi(Block block, String key, String id) {
    if (id == null || kpiIds.contains(id)) {
      return id != null;
    }
    block.problem(key, "The " + block.noun() + " names the KPI '" + id + "', which is not in the KPI catalogue ("
        + entries.whereToLook(Section.KPIS) + ")." + Suggestions.didYouMean(id, kpiIds));
    return false;
  }

  private void measure(Block block, PoorQualityCost cost) {
    if (cost.sourceId() == null) {
      return;
    }
    Source source = sources.get(cost.sourceId());
    if (source == null) {
      block.problem("source", "The cost of poor quality names the source '" + cost.sourceId() + "', which is not"
          + " among the sources (" + entries.whereToLook(Section.SOURCES) + ")."
          + Suggestions.didYouMean(cost.sourceId(), sources.keySet()));
      return;
    }
    MetricReferences.mustBeMetric(block, "measure", cost.measure(), source);
  }
}
