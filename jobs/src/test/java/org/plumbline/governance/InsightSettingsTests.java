package org.plumbline.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.governance.ControlChart.Chart;
import org.plumbline.governance.ControlChart.TrendTest;

/** The insight sections (control_charts, compliance_mirages, poor_quality_costs): read, checked, loaded. */
class InsightSettingsTests {

  private final GovernanceLoader loader = new GovernanceLoader();

  @Test
  void readsTheExampleWithDefaultRulesForEachChartType() {
    GovernanceModel model = loader.load(GovernanceLoaderTests.EXAMPLE);

    assertThat(model.controlCharts()).extracting(ControlChart::kpiId, ControlChart::chart)
        .containsExactly(tuple("customer_complaints", Chart.C), tuple("inspection_coverage", Chart.P),
            tuple("scrap_cost", Chart.INDIVIDUALS), tuple("audit_score", Chart.INDIVIDUALS));
    ControlChart complaints = model.controlCharts().get(0);
    assertThat(complaints.baselineFrom()).isEqualTo(LocalDate.of(2024, 12, 30));
    assertThat(complaints.baselineTo()).isEqualTo(LocalDate.of(2025, 6, 29));
    assertThat(complaints.minBaselinePoints()).isEqualTo(ControlChart.DEFAULT_MIN_BASELINE_POINTS);
    assertThat(complaints.rules()).containsExactly("WE1", "WE2", "WE3", "WE4");
    assertThat(complaints.trend()).isEqualTo(new TrendTest(12, 0.05));
    assertThat(model.controlCharts().get(2).rules()).containsExactly("WE1", "WE2", "WE3", "WE4", "N3");
    assertThat(model.controlCharts().get(1).trend()).isNull();
    assertThat(model.complianceMirages()).containsExactly(new ComplianceMirage("audits-vs-field", "audit_score", 95,
        List.of("customer_complaints", "scrap_cost"), new TrendTest(16, 0.05), Policy.Severity.HIGH));
    assertThat(model.poorQualityCosts()).containsExactly(
        new PoorQualityCost("scrap", "erp_production", "scrap_cost_eur"),
        new PoorQualityCost("rework", "erp_production", "rework_cost_eur"));
  }

  @Test
  void loadsTheSettingsIntoTheirDimensionsWithTheNormalQuantileForEachTrendTest() throws SQLException {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
      new DimensionLoader().load(duckdb, loader.load(GovernanceLoaderTests.EXAMPLE));

      assertThat(rows(duckdb, "select (select count(*) from dim_control_chart), (select count(*) from"
          + " dim_control_chart_rule), (select count(*) from dim_compliance_mirage), (select count(*) from"
          + " dim_compliance_mirage_watch), (select count(*) from dim_poor_quality_cost)"))
          .containsExactly(List.of(4L, 17L, 1L, 2L, 2L));
      // one test per KPI, window and level: two from the charts (12 weeks), two from the mirage (16 weeks)
      assertThat(rows(duckdb, "select kpi_id, window_weeks, round(z_critical, 6) from dim_trend_test order by all"))
          .containsExactly(List.of("customer_complaints", 12, 1.959964), List.of("customer_complaints", 16, 1.959964),
              List.of("scrap_cost", 12, 1.959964), List.of("scrap_cost", 16, 1.959964));
    }
  }

  @Test
  void reportsEveryMistakeInTheInsightSectionsWithFileLineAndKey(@TempDir Path dir) throws IOException {
    // given the example model with a broken insights.yml
    withInsights(dir, """
        control_charts:
          - kpi: scrap_cost
            chart: p
            baseline: { from: 2025-06-29, to: 2024-12-30 }
            rules: [WE1, WE5]
          - kpi: customer_complaint
            chart: c
            baseline: { from: 2024-12-30, to: 2025-06-29 }
          - kpi: customer_complaints
            chart: c
            baseline: { from: 2024-12-30, to: 2025-06-29 }
            trend: { window_weeks: 2, significance: 0.7 }
        compliance_mirages:
          - id: audits
            score_kpi: audit_score
            score_floor: 95
            watch_kpis: [complaints]
            severity: high
        poor_quality_costs:
          - { category: scrap, source: erp_production, measure: scrap_eur }
        """);

    // when
    ConfigInvalidException invalid = catchThrowableOfType(ConfigInvalidException.class, () -> loader.load(dir));

    // then
    assertThat(invalid.problems())
        .filteredOn(p -> p.file().getFileName().toString().equals("insights.yml"))
        .extracting(ConfigProblem::line, ConfigProblem::key)
        .containsExactly(
            tuple(3, "control_charts[scrap_cost].chart"),
            tuple(4, "control_charts[scrap_cost].baseline.to"),
            tuple(5, "control_charts[scrap_cost].rules"),
            tuple(6, "control_charts[customer_complaint].kpi"),
            tuple(12, "control_charts[customer_complaints].trend.window_weeks"),
            tuple(12, "control_charts[customer_complaints].trend.significance"),
            tuple(14, "compliance_mirages[audits].trend"),
            tuple(17, "compliance_mirages[audits].watch_kpis"),
            tuple(20, "poor_quality_costs[scrap].measure"));
    assertThat(invalid.problems()).extracting(ConfigProblem::message).contains(
        "A p chart plots a rate, but KPI 'scrap_cost' is not measured with a denominator (kpis.yml:"
            + " measured_by.denominator); use an individuals or c chart.",
        "Unknown rule 'WE5': the rules are WE1, WE2, WE3, WE4, N1, N2, N3, N4, N5, N6, N7, N8 (Western Electric 1-4,"
            + " Nelson 1-8). Did you mean 'WE1'?");
  }

  @Test
  void checksTheFewestBaselinePointsAgainstTheBaselineWithFileLineAndKey(@TempDir Path dir) throws IOException {
    // given charts asking for one point, for more points than their baseline has weeks, and a
    // 13-week baseline that leaves the default of 20 points unreachable
    withInsights(dir, """
        control_charts:
          - kpi: scrap_cost
            chart: individuals
            baseline: { from: 2024-12-30, to: 2025-06-29 }
            min_baseline_points: 1
          - kpi: audit_score
            chart: individuals
            baseline: { from: 2024-12-30, to: 2025-06-29 }
            min_baseline_points: 30
          - kpi: customer_complaints
            chart: c
            baseline: { from: 2025-01-01, to: 2025-03-31 }
          - kpi: inspection_coverage
            chart: p
            baseline: { from: 2025-01-01, to: 2025-03-31 }
            min_baseline_points: 12
        """);

    // when
    ConfigInvalidException invalid = catchThrowableOfType(ConfigInvalidException.class, () -> loader.load(dir));

    // then the first three are wrong, each named where it is; twelve of the 13 weeks is allowed
    assertThat(invalid.problems())
        .filteredOn(p -> p.file().getFileName().toString().equals("insights.yml"))
        .extracting(ConfigProblem::line, ConfigProblem::key, ConfigProblem::message)
        .containsExactly(
            tuple(5, "control_charts[scrap_cost].min_baseline_points", "'min_baseline_points' must be at least 2:"
                + " limits need a spread, which one point does not have."),
            tuple(9, "control_charts[audit_score].min_baseline_points", "The baseline 2024-12-30 to 2025-06-29 holds"
                + " 26 weeks, fewer than the 30 points min_baseline_points asks for, so no series could ever be"
                + " charted; widen the baseline or lower min_baseline_points."),
            tuple(12, "control_charts[customer_complaints].baseline", "The baseline 2025-01-01 to 2025-03-31 holds"
                + " 13 weeks, fewer than the 20 points a chart needs by default, so no series could ever be charted;"
                + " widen the baseline, or set min_baseline_points to 13 or fewer if limits from so few weeks are"
                + " good enough."));
  }

  @Test
  void loadsEachChartsFewestBaselinePoints() throws SQLException {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
      new DimensionLoader().load(duckdb, loader.load(GovernanceLoaderTests.EXAMPLE));

      assertThat(rows(duckdb, "select distinct min_baseline_points from dim_control_chart"))
          .containsExactly(List.of(ControlChart.DEFAULT_MIN_BASELINE_POINTS));
    }
  }

  /** The example model in {@code dir} with {@code insights} as its insights.yml. */
  private static void withInsights(Path dir, String insights) throws IOException {
    try (var files = Files.list(GovernanceLoaderTests.EXAMPLE)) {
      for (Path file : files.filter(f -> !f.getFileName().toString().equals("insights.yml")).toList()) {
        Files.copy(file, dir.resolve(file.getFileName()));
      }
    }
    Files.writeString(dir.resolve("insights.yml"), insights);
  }

  private static List<List<Object>> rows(Connection duckdb, String sql) throws SQLException {
    try (Statement statement = duckdb.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      List<List<Object>> rows = new ArrayList<>();
      while (result.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
          row.add(result.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }
}
