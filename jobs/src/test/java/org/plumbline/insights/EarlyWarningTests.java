package org.plumbline.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sql/insights/fct_early_warning.sql over the whole chain (series, chart, signals): a change
 * for the worse after the baseline is a warning, one for the better is not.
 */
class EarlyWarningTests {

  /** Ten baseline weeks (the chart asks for no more) averaging 0.4 complaints (c chart: UCL = 0.4 + 3 sqrt(0.4) = 2.30), then more. */
  static final List<Double> COMPLAINTS = Stream.of(
      List.of(0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 1.0),
      List.of(0.0, 1.0, 0.0, 3.0, 1.0, 4.0)).flatMap(List::stream).toList();

  @TempDir
  Path folder;
  ModelBench bench;

  @BeforeEach
  void openBench() throws SQLException {
    bench = ModelBench.open(folder).withSeriesTable();
  }

  @AfterEach
  void closeBench() throws SQLException {
    bench.close();
  }

  @Test
  void moreComplaintsThanTheBaselineAllowsAreAnEarlyWarning() throws SQLException {
    // given complaints (lower is better) on a c chart with a ten-week baseline
    kpi("complaints", "lower_is_better");
    bench.weeklySeries("complaints", "QUAL", COMPLAINTS);

    // when the findings are built
    bench.run("int_spc_point", "fct_spc_chart", "fct_spc_signal", "fct_early_warning");

    // then weeks 14 (3) and 16 (4) are beyond the 2.30 upper limit: one WE1 warning, first in 2025-W14
    List<Object> warning = bench.query("select finding_key, severity, first_signal_week, last_signal_week,"
        + " signal_count, first_signal_points, owner_role, period_label from fct_early_warning where rule_id = 'WE1'")
        .get(0);
    assertThat(warning.get(5).toString()).isEqualTo("[2025-W14]");
    warning.set(5, null);
    assertThat(warning).containsExactly("complaints/QUAL/WE1", "high", "2025-W14", "2025-W16", 2L, null,
        "head_of_quality", "2025-W14 .. 2025-W16");
    assertThat(bench.single("select evidence from fct_early_warning where rule_id = 'WE1'")).isEqualTo(
        "Complaints (c chart): one point beyond 3 sigma (WE1) first in 2025-W14, at 3.0 against a centre line of 0.4"
            + " and limits 0.0 to 2.2974 (points 2025-W14); it fired in 2 weeks up to 2025-W16.");
    // and the phase II signals are the only warnings: WE1 and WE2 (weeks 14 and 16 are 2 of 3 beyond 2 sigma)
    assertThat(bench.query("select rule_id from fct_early_warning order by rule_id")).extracting(r -> r.get(0))
        .containsExactly("WE1", "WE2");
  }

  @Test
  void theSameShapeOnAKpiWhereHigherIsBetterIsNoWarning() throws SQLException {
    kpi("first_pass_yield_events", "higher_is_better");
    bench.weeklySeries("first_pass_yield_events", "PROD", COMPLAINTS);

    bench.run("int_spc_point", "fct_spc_chart", "fct_spc_signal", "fct_early_warning");

    assertThat(bench.single("select count(*) from fct_spc_signal where phase = 'II'")).isEqualTo(3L);
    assertThat(bench.single("select count(*) from fct_early_warning")).isEqualTo(0L);
  }

  @Test
  void aSteadySeriesRaisesNothing() throws SQLException {
    kpi("complaints", "lower_is_better");
    // the baseline weeks, then six more like them
    bench.weeklySeries("complaints", "QUAL", Stream.concat(COMPLAINTS.subList(0, 10).stream(),
        Stream.of(0.0, 1.0, 0.0, 1.0, 0.0, 0.0)).toList());

    bench.run("int_spc_point", "fct_spc_chart", "fct_spc_signal", "fct_early_warning");

    assertThat(bench.single("select count(*) from int_spc_point where phase = 'II'")).isEqualTo(6L);
    assertThat(bench.single("select count(*) from fct_early_warning")).isEqualTo(0L);
  }

  private void kpi(String kpi, String direction) throws SQLException {
    bench.sql("insert into dim_kpi values ('" + kpi + "', 'Complaints', 'quality', 'count', '" + direction + "', 1,"
            + " 'head_of_quality', 0, 'crm', 'complaints', null, 1, 'sum')",
        "insert into dim_control_chart values ('" + kpi + "', 'c', date '2024-12-30', date '2025-03-03', 10, null, null)",
        "insert into dim_control_chart_rule select '" + kpi + "', unnest(['WE1', 'WE2', 'WE3', 'WE4'])");
  }
}
