package org.plumbline.governance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.plumbline.governance.ControlChart.TrendTest;
import org.plumbline.insights.NormalDistribution;
import org.plumbline.system.SqlScript;

/**
 * Writes the insight sections of the governance model into their {@code dim_*} tables
 * ({@code sql/dimensions/insights.sql}), inside the transaction of {@link DimensionLoader}.
 */
final class InsightDimensionLoader {

  static final String DDL = "sql/dimensions/insights.sql";

  private InsightDimensionLoader() {}

  static void load(Connection duckdb, GovernanceModel model) throws SQLException {
    SqlScript.execute(duckdb, DDL);
    Map<List<Object>, Double> trendTests = new LinkedHashMap<>();
    try (PreparedStatement charts = duckdb.prepareStatement("insert into dim_control_chart (kpi_id, chart_type,"
            + " baseline_from, baseline_to, min_baseline_points, trend_window_weeks, trend_significance)"
            + " values (?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement rules = duckdb.prepareStatement(
            "insert into dim_control_chart_rule (kpi_id, rule_id) values (?, ?)")) {
      for (ControlChart chart : model.controlCharts()) {
        TrendTest trend = chart.trend();
        bind(charts, chart.kpiId(), chart.chart().name().toLowerCase(Locale.ROOT), chart.baselineFrom(),
            chart.baselineTo(), chart.minBaselinePoints(), trend == null ? null : trend.windowWeeks(), trend == null ? null : trend.significance());
        for (String rule : chart.rules()) {
          bind(rules, chart.kpiId(), rule);
        }
        if (trend != null) {
          trendTests.put(List.of(chart.kpiId(), trend.windowWeeks(), trend.significance()), trend.significance());
        }
      }
      charts.executeBatch();
      rules.executeBatch();
    }
    try (PreparedStatement mirages = duckdb.prepareStatement("insert into dim_compliance_mirage (mirage_id,"
            + " score_kpi_id, score_floor, window_weeks, significance, severity) values (?, ?, ?, ?, ?, ?)");
        PreparedStatement watches = duckdb.prepareStatement(
            "insert into dim_compliance_mirage_watch (mirage_id, watch_kpi_id) values (?, ?)")) {
      for (ComplianceMirage mirage : model.complianceMirages()) {
        TrendTest trend = mirage.trend();
        bind(mirages, mirage.id(), mirage.scoreKpi(), mirage.scoreFloor(), trend.windowWeeks(), trend.significance(),
            mirage.severity().name().toLowerCase(Locale.ROOT));
        for (String watched : mirage.watchKpis()) {
          bind(watches, mirage.id(), watched);
          trendTests.put(List.of(watched, trend.windowWeeks(), trend.significance()), trend.significance());
        }
      }
      mirages.executeBatch();
      watches.executeBatch();
    }
    try (PreparedStatement tests = duckdb.prepareStatement("insert into dim_trend_test (kpi_id, window_weeks,"
        + " significance, z_critical) values (?, ?, ?, ?)")) {
      for (Map.Entry<List<Object>, Double> test : trendTests.entrySet()) {
        List<Object> key = test.getKey();
        bind(tests, key.get(0), key.get(1), key.get(2), NormalDistribution.quantile(1 - test.getValue() / 2));
      }
      tests.executeBatch();
    }
    try (PreparedStatement costs = duckdb.prepareStatement(
        "insert into dim_poor_quality_cost (category, source_id, measure) values (?, ?, ?)")) {
      for (PoorQualityCost cost : model.poorQualityCosts()) {
        bind(costs, cost.category(), cost.sourceId(), cost.measure());
      }
      costs.executeBatch();
    }
    try (PreparedStatement checks = duckdb.prepareStatement(
            "insert into dim_incentive_check (check_id, min_weight_ratio) values (?, ?)");
        PreparedStatement roles = duckdb.prepareStatement(
            "insert into dim_incentive_check_role (check_id, role_id) values (?, ?)")) {
      for (IncentiveCheck check : model.incentiveChecks()) {
        bind(checks, check.id(), check.minWeightRatio());
        for (String role : check.roles()) {
          bind(roles, check.id(), role);
        }
      }
      checks.executeBatch();
      roles.executeBatch();
    }
  }

  private static void bind(PreparedStatement statement, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      statement.setObject(i + 1, values[i]);
    }
    statement.addBatch();
  }
}
