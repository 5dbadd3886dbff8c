package org.plumbline.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.governance.ControlChart;

/**
 * Control limits and signals of sql/insights/int_spc_point.sql and fct_spc_signal.sql on
 * Montgomery's classic data sets (as shipped in the qcc R package; see
 * src/test/resources/qcc/README.md), against the figures the textbook publishes. Sample i is
 * written as the i-th week from 2024-12-30; the trial samples are the baseline (phase I). Where
 * trial samples fall outside the trial limits, the book drops them as having assignable causes
 * and revises the limits once from the rest, as int_spc_point does.
 *
 * <p>Reference: D. C. Montgomery, Introduction to Statistical Quality Control, 6th ed. (Wiley,
 * 2009). The figures the book rounds are given here to more places, as the textbook formulas
 * give them on these exact data (checked independently by hand in Python).
 */
class SpcTextbookTests {

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
  void pistonRingDiametersOnAnXbarRChart() throws SQLException {
    // given the 40 samples of 5 piston-ring diameters, the first 25 as the baseline
    // (Montgomery Example 6.1 / Table 6.3: x-double-bar = 74.001, R-bar = 0.023, UCL = 74.014, LCL = 73.988)
    bench.sql("insert into int_kpi_series_weekly select 'ring_diameter', 'LAB', null, w, avg(diameter), null, null,"
        + " count(*), avg(diameter), max(diameter) - min(diameter), 'reported', []"
        + " from (select *, date '2024-12-30' + (7 * (sample - 1))::integer as w from read_csv('" + ModelBench.resource(
        "qcc/pistonrings.csv") + "')) group by sample, w");
    chart("ring_diameter", "xbar_r", 25);

    // when the chart is drawn
    bench.run("int_spc_point", "fct_spc_signal");

    // then the centre line is the mean of the 25 sample means and the limits are
    // x-double-bar +/- 3 (R-bar / d2) / sqrt(5), with R-bar = 0.02276 and d2(5) = 2.326
    List<Object> limits = bench.query("select centre_line, upper_control_limit, lower_control_limit"
        + " from int_spc_point where point_number = 30").get(0);
    assertThat((Double) limits.get(0)).isCloseTo(74.001176, within(1e-6));
    assertThat((Double) limits.get(1)).isCloseTo(74.014304, within(1e-6));
    assertThat((Double) limits.get(2)).isCloseTo(73.988048, within(1e-6));
    assertThat(bench.single("select count(*) from int_spc_point where phase = 'I'")).isEqualTo(25L);
    // and the phase II samples 37, 38 and 39 (means 74.0166, 74.0196, 74.0234) are above the UCL,
    // the shift Montgomery's Figure 6.4 shows; no baseline sample is out
    assertThat(beyondThreeSigma()).containsExactly(37L, 38L, 39L);
  }

  @Test
  void circuitBoardNonconformitiesOnACChart() throws SQLException {
    // given 26 trial samples of 100 boards (Montgomery Example 7.3: trial c-bar = 19.85, UCL = 33.22, LCL = 6.48;
    // samples 6 and 20 outside, with assignable causes, so revised c-bar = 19.67, UCL = 32.97, LCL = 6.36)
    bench.sql("insert into int_kpi_series_weekly select 'board_defects', 'LAB', null, date '2024-12-30' + 7 * (sample"
        + " - 1)::integer, x, x, null, null, null, null, 'measured', [] from read_csv('" + ModelBench.resource(
        "qcc/circuit.csv") + "') where trial");
    chart("board_defects", "c", 26);

    bench.run("int_spc_point", "fct_spc_signal");

    List<Object> limits = bench.query("select centre_line, upper_control_limit, lower_control_limit"
        + " from int_spc_point where point_number = 1").get(0);
    // then the limits are the book's revised ones, from the 24 samples without 6 and 20: c-bar = 472 / 24
    assertThat((Double) limits.get(0)).isCloseTo(472.0 / 24, within(1e-9));
    assertThat((Double) limits.get(1)).isCloseTo(32.970801, within(1e-6));
    assertThat((Double) limits.get(2)).isCloseTo(6.362532, within(1e-6));
    assertThat(bench.query("select point_number from int_spc_point where excluded_from_baseline"))
        .extracting(r -> r.get(0)).containsExactly(6L, 20L);
    // and the two samples the book flags still signal: sample 6 (5 defects) below the LCL, sample 20 (39) above
    assertThat(beyondThreeSigma()).containsExactly(6L, 20L);
    assertThat(bench.query("select side from fct_spc_signal where rule_id = 'WE1' order by point_number"))
        .extracting(r -> r.get(0)).containsExactly("below", "above");
  }

  @Test
  void orangeJuiceCansOnAPChart() throws SQLException {
    // given 30 trial samples of 50 cans (Montgomery Example 7.1: trial p-bar = 0.2313, UCL = 0.4102, LCL = 0.0524;
    // samples 15 and 23 above, with assignable causes, so revised p-bar = 0.2150, UCL = 0.3893, LCL = 0.0407)
    bench.sql("insert into int_kpi_series_weekly select 'bad_cans', 'LAB', null, date '2024-12-30' + 7 * (sample"
        + " - 1)::integer, 100.0 * D / size, D, size, null, null, null, 'measured', [] from read_csv('" + ModelBench.resource(
        "qcc/orangejuice.csv") + "') where trial");
    chart("bad_cans", "p", 30);

    bench.run("int_spc_point", "fct_spc_signal");

    List<Object> limits = bench.query("select centre_line, upper_control_limit, lower_control_limit"
        + " from int_spc_point where point_number = 1").get(0);
    // then the limits are the book's revised ones, from the 28 samples without 15 and 23: p-bar = 301 / 1400
    assertThat((Double) limits.get(0)).isCloseTo(301.0 / 1400, within(1e-9));
    assertThat((Double) limits.get(1)).isCloseTo(0.389297, within(1e-6));
    assertThat((Double) limits.get(2)).isCloseTo(0.040703, within(1e-6));
    assertThat(bench.query("select point_number from int_spc_point where excluded_from_baseline"))
        .extracting(r -> r.get(0)).containsExactly(15L, 23L);
    // and the book: samples 15 and 23 are above the trial limit; sample 21 (0.40) is above the revised one,
    // with no assignable cause found, so the book keeps it in the baseline, as one revision does here
    assertThat(beyondThreeSigma()).containsExactly(15L, 21L, 23L);
  }

  @Test
  void personalComputerNonconformitiesOnAUChart() throws SQLException {
    // given 20 samples of 5 computers (Montgomery Example 7.5: u-bar = 1.93, UCL = 3.79, LCL = 0.07, in control)
    bench.sql("insert into int_kpi_series_weekly select 'pc_defects', 'LAB', null, date '2024-12-30' + 7 * (row_number()"
        + " over () - 1)::integer, x / size, x, size, null, null, null, 'measured', [] from read_csv('" + ModelBench.resource(
        "qcc/pcmanufact.csv") + "')");
    chart("pc_defects", "u", 20);

    bench.run("int_spc_point", "fct_spc_signal");

    List<Object> limits = bench.query("select centre_line, upper_control_limit, lower_control_limit"
        + " from int_spc_point where point_number = 1").get(0);
    assertThat((Double) limits.get(0)).isCloseTo(1.93, within(1e-9));
    assertThat((Double) limits.get(1)).isCloseTo(3.793867, within(1e-6));
    assertThat((Double) limits.get(2)).isCloseTo(0.066133, within(1e-6));
    assertThat(beyondThreeSigma()).isEmpty();
  }

  @Test
  void batchViscosityOnAnIndividualsChart() throws SQLException {
    // given 20 trial batches: x-bar = 34.088, MR-bar = 0.57263, sigma = MR-bar / 1.128, where batch 4
    // (35.96) is above the trial UCL of 35.611; the chart asks for 19 baseline points
    bench.sql("insert into int_kpi_series_weekly select 'viscosity', 'LAB', null, date '2024-12-30' + 7 * (batch - 1)::integer,"
        + " viscosity, null, null, null, null, null, 'reported', [] from read_csv('" + ModelBench.resource(
        "qcc/viscosity.csv") + "')");
    chart("viscosity", "individuals", 20, 19);

    bench.run("int_spc_point", "fct_spc_signal");

    // then the limits come from the other 19 batches: x-bar = 645.80 / 19; their 18 moving ranges run from
    // batch 3 to batch 5 over the batch left out (MR-bar = 8.36 / 18)
    List<Object> limits = bench.query("select centre_line, upper_control_limit, lower_control_limit"
        + " from int_spc_point where point_number = 1").get(0);
    assertThat((Double) limits.get(0)).isCloseTo(645.80 / 19, within(1e-9));
    assertThat((Double) limits.get(1)).isCloseTo(645.80 / 19 + 3 * (8.36 / 18) / 1.128, within(1e-9));
    assertThat((Double) limits.get(2)).isCloseTo(645.80 / 19 - 3 * (8.36 / 18) / 1.128, within(1e-9));
    // batch 4 is left out and still signals; the baseline is 20 points, phase II the other 15
    assertThat(bench.single("select count(*) from int_spc_point where phase = 'II'")).isEqualTo(15L);
    assertThat(bench.query("select point_number from fct_spc_signal where rule_id = 'WE1' and phase = 'I'"))
        .extracting(r -> r.get(0)).containsExactly(4L);
  }

  private void chart(String kpi, String chartType, int baselineSamples) throws SQLException {
    chart(kpi, chartType, baselineSamples, ControlChart.DEFAULT_MIN_BASELINE_POINTS);
  }

  private void chart(String kpi, String chartType, int baselineSamples, int minBaselinePoints) throws SQLException {
    bench.sql("insert into dim_control_chart values ('" + kpi + "', '" + chartType + "', date '2024-12-30',"
        + " date '2024-12-30' + 7 * " + (baselineSamples - 1) + ", " + minBaselinePoints + ", null, null)",
        "insert into dim_control_chart_rule values ('" + kpi + "', 'WE1')");
  }

  private List<Long> beyondThreeSigma() throws SQLException {
    return bench.query("select point_number from fct_spc_signal where rule_id = 'WE1' order by point_number")
        .stream().map(r -> (Long) r.get(0)).toList();
  }
}
