package org.plumbline.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A control chart whose baseline cannot carry limits (sql/insights/int_spc_point.sql,
 * fct_spc_chart.sql, fct_spc_signal.sql, fct_early_warning.sql): too few baseline points, or a
 * baseline that never varied. Neither may raise run-rule warnings, and neither may vanish.
 */
class SpcBaselineTests {

  /** The 26 weeks of the baseline 2025-W01 .. 2025-W26 (2024-12-30 to 2025-06-29). */
  static final int BASELINE_WEEKS = 26;
  /** Complaints: a quiet half-year, then a rise (weeks 27 to 34). */
  static final List<Double> COMPLAINTS = Stream.of(
      List.of(0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0),
      List.of(0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 0.0),
      List.of(1.0, 3.0, 4.0, 2.0, 5.0, 3.0, 4.0, 6.0)).flatMap(List::stream).toList();

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
  void aSeriesWithTwoBaselinePointsIsNotChartedAndSaysWhy() throws SQLException {
    // given complaints on a c chart (at least 20 baseline points, the default), from Quality for the
    // whole year and from Logistics only from 2025-W25 on: two points in the baseline, then the same rise
    kpi("complaints", "lower_is_better", "c", 20);
    bench.weeklySeries("complaints", "QUAL", COMPLAINTS).weeklySeries("complaints", "LOG", COMPLAINTS)
        .sql("delete from int_kpi_series_weekly where department_code = 'LOG' and iso_week < '2025-W25'");

    // when the charts are drawn and judged
    bench.run("int_spc_point", "fct_spc_chart", "fct_spc_signal", "fct_early_warning");

    // then Quality's rise is an early warning, and Logistics' two-point baseline gives no signal and no warning
    assertThat(bench.query("select distinct department_code from fct_early_warning")).containsExactly(List.of("QUAL"));
    assertThat(bench.single("select count(*) from fct_spc_signal where department_code = 'LOG'")).isEqualTo(0L);
    // and the series is not gone: fct_spc_chart says it is not charted, and why
    assertThat(bench.query("select department_code, chart_status, baseline_points, min_baseline_points, note"
        + " from fct_spc_chart order by department_code")).containsExactly(
        List.of("LOG", "too_few_baseline_points", 2L, 20, "The baseline 2025-W01 .. 2025-W26 holds 2 weekly points;"
            + " at least 20 are needed for control limits, so the chart is not drawn and no run rule applies."),
        Arrays.asList("QUAL", "drawn", 26L, 20, null));
    // and its weeks are still in int_spc_point, marked, without a centre line or limits
    assertThat(bench.query("select chart_status, count(*), count(centre_line), count(upper_control_limit),"
        + " count(z_score) from int_spc_point where department_code = 'LOG' group by all"))
        .containsExactly(List.of("too_few_baseline_points", 10L, 0L, 0L, 0L));
    // and the report gets the sentence in its language: key and figures
    assertThat(bench.query("select note_key, note_args from fct_spc_chart where department_code = 'LOG'"))
        .containsExactly(List.of("evidence.control_chart.too_few_baseline_points",
            "[\"2025-W01\",\"2025-W26\",2,20,0,\"\",2]"));
  }

  @Test
  void theFewestBaselinePointsAreSetPerChart() throws SQLException {
    // given the same two-point baseline on a chart that asks for only two
    kpi("complaints", "lower_is_better", "c", 2);
    bench.weeklySeries("complaints", "LOG", COMPLAINTS)
        .sql("delete from int_kpi_series_weekly where iso_week < '2025-W25'");

    bench.run("int_spc_point", "fct_spc_chart", "fct_spc_signal", "fct_early_warning");

    // then it is charted (centre 0.5 from weeks 25 and 26) and the rise is judged against it
    assertThat(bench.single("select chart_status from fct_spc_chart")).isEqualTo("drawn");
    assertThat(bench.single("select count(*) > 0 from fct_early_warning")).isEqualTo(true);
  }

  @Test
  void aSeriesThatStartsAfterItsBaselineIsListedWithNoBaselinePoint() throws SQLException {
    kpi("complaints", "lower_is_better", "c", 20);
    bench.weeklySeries("complaints", "LOG", COMPLAINTS)
        .sql("delete from int_kpi_series_weekly where iso_week <= '2025-W26'");

    bench.run("int_spc_point", "fct_spc_chart", "fct_spc_signal", "fct_early_warning");

    assertThat(bench.query("select chart_status, baseline_points, note from fct_spc_chart")).containsExactly(
        List.of("too_few_baseline_points", 0L, "The baseline 2025-W01 .. 2025-W26 holds no weekly point;"
            + " at least 20 are needed for control limits, so the chart is not drawn and no run rule applies."));
    assertThat(bench.single("select count(*) from fct_early_warning")).isEqualTo(0L);
  }

  @Test
  void aPChartWhoseBaselineWasAlwaysOneHundredPercentReportsItsFirstDepartureOnce() throws SQLException {
    // given inspection coverage (higher is better) at exactly 100% in all 26 baseline weeks, 100% in
    // weeks 27 to 30, then 96% in week 31, 100% in 32, and 95% and 97% in weeks 33 and 34
    kpi("inspection", "higher_is_better", "p", 20);
    List<Integer> inspected = Stream.of(Collections.nCopies(BASELINE_WEEKS + 4, 200),
        List.of(192, 200, 190, 194)).flatMap(List::stream).toList();
    bench.weeklyProportions("inspection", "PROD", 200, inspected);

    // when the charts are drawn and judged
    bench.run("int_spc_point", "fct_spc_chart", "fct_spc_signal", "fct_early_warning");

    // then no run rule fires: a sigma of 0 has no limits to be beyond
    assertThat(bench.single("select count(*) from fct_spc_signal")).isEqualTo(0L);
    // but the departure is one early warning, from its first week, counting the three weeks below 100%
    assertThat(bench.query("select finding_key, rule_id, severity, first_signal_week, last_signal_week, signal_count,"
        + " side, first_signal_value, centre_line, upper_control_limit, lower_control_limit from fct_early_warning"))
        .containsExactly(Arrays.asList("inspection/PROD/departure", "departure", "medium", "2025-W31", "2025-W34", 3L,
            "below", 0.96, 1.0, null, null));
    assertThat(bench.single("select evidence from fct_early_warning")).isEqualTo("Inspection (p chart): the baseline"
        + " 2025-W01 .. 2025-W26 never varied (1.0 in each of its 26 weeks), so it has no control limits and no run"
        + " rule applies; the first week to depart from it was 2025-W31, at 0.96, and 3 weeks departed up to 2025-W34.");
    assertThat(bench.single("select evidence_key from fct_early_warning")).isEqualTo("evidence.early_warning.departure");
    // and the chart is listed as steady, its centre line the steady level, without limits or z
    assertThat(bench.query("select chart_status, centre_line, first_departure_week, first_departure_value,"
        + " departure_count, last_departure_week from fct_spc_chart"))
        .containsExactly(List.of("steady_baseline", 1.0, "2025-W31", 0.96, 3L, "2025-W34"));
    assertThat(bench.query("select count(*), count(centre_line), count(upper_control_limit), count(lower_control_limit),"
        + " count(z_score), count(*) filter (where departs_from_steady_baseline) from int_spc_point"))
        .containsExactly(List.of(34L, 34L, 0L, 0L, 0L, 3L));
  }

  @Test
  void aDepartureFromASteadyBaselineOnTheFavourableSideIsNoWarning() throws SQLException {
    // given rejects (lower is better) that were 0 in every baseline week, then 0 and one week with 2
    kpi("rejects", "lower_is_better", "c", 20);
    kpi("passes", "higher_is_better", "c", 20);
    List<Double> series = Stream.of(Collections.nCopies(BASELINE_WEEKS + 2, 0.0), List.of(2.0, 0.0))
        .flatMap(List::stream).toList();
    bench.weeklySeries("rejects", "PROD", series).weeklySeries("passes", "PROD", series);

    bench.run("int_spc_point", "fct_spc_chart", "fct_spc_signal", "fct_early_warning");

    // then more rejects than ever is a warning; more passes than ever is not, though both charts say they departed
    assertThat(bench.query("select kpi_id, rule_id, first_signal_week, side from fct_early_warning"))
        .containsExactly(List.of("rejects", "departure", "2025-W29", "above"));
    assertThat(bench.query("select kpi_id, chart_status, departure_count from fct_spc_chart order by kpi_id"))
        .containsExactly(List.of("passes", "steady_baseline", 1L), List.of("rejects", "steady_baseline", 1L));
    assertThat(bench.single("select note from fct_spc_chart where kpi_id = 'passes'")).isEqualTo("The baseline"
        + " 2025-W01 .. 2025-W26 never varied (0.0 in each of its 26 weeks), so the chart has no control limits and no"
        + " run rule applies; the first week to depart from it was 2025-W29, at 2.0, and 1 week departed up to 2025-W29.");
  }

  @Test
  void aSteadyBaselineThatNothingDepartedFromSaysSo() throws SQLException {
    kpi("rejects", "lower_is_better", "c", 20);
    bench.weeklySeries("rejects", "PROD", Collections.nCopies(BASELINE_WEEKS + 4, 0.0));

    bench.run("int_spc_point", "fct_spc_chart", "fct_spc_signal", "fct_early_warning");

    assertThat(bench.single("select count(*) from fct_early_warning")).isEqualTo(0L);
    assertThat(bench.single("select note from fct_spc_chart")).isEqualTo("The baseline 2025-W01 .. 2025-W26 never"
        + " varied (0.0 in each of its 26 weeks), so the chart has no control limits and no run rule applies; no later"
        + " week has departed from it.");
  }

  @Test
  void anXbarChartWhoseWeeksHaveNoRangeIsNotCharted() throws SQLException {
    // given self-reported subgroups of two equal values a week, whose means still differ from week to week
    kpi("diameter", "lower_is_better", "xbar_r", 20);
    bench.sql("insert into int_kpi_series_weekly select 'diameter', 'LAB', strftime(w, '%G-W%V'), w, m, null, null,"
        + " 2, m, 0.0, 'reported', [] from (select date '2024-12-30' + (7 * i)::integer as w, 10.0 + i % 3 as m"
        + " from range(0, 30) as t(i))");

    bench.run("int_spc_point", "fct_spc_chart", "fct_spc_signal", "fct_early_warning");

    // then a sigma of 0 from the ranges raises nothing, and the chart says why it is not drawn
    assertThat(bench.single("select count(*) from fct_spc_signal")).isEqualTo(0L);
    assertThat(bench.query("select chart_status, note from fct_spc_chart")).containsExactly(List.of(
        "no_baseline_spread", "The baseline 2025-W01 .. 2025-W26 shows no spread within its weeks (every week's"
            + " values are alike, or a week holds a single value), so control limits cannot be set; the chart is not"
            + " drawn and no run rule applies."));
  }

  /** A KPI on a chart with the baseline 2025-W01 .. 2025-W26 and the Western Electric rules. */
  private void kpi(String kpi, String direction, String chartType, int minBaselinePoints) throws SQLException {
    String name = Character.toUpperCase(kpi.charAt(0)) + kpi.substring(1);
    bench.sql("insert into dim_kpi values ('" + kpi + "', '" + name + "', 'quality', 'count', '" + direction + "',"
            + " null, 'head_of_quality', 0, null, null, null, null, 'sum')",
        "insert into dim_control_chart values ('" + kpi + "', '" + chartType + "', date '2024-12-30',"
            + " date '2025-06-29', " + minBaselinePoints + ", null, null)",
        "insert into dim_control_chart_rule select '" + kpi + "', unnest(['WE1', 'WE2', 'WE3', 'WE4'])");
  }
}
