package org.plumbline.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A baseline week beyond the trial limits of the whole baseline, and beyond the limits revised
 * without the weeks beyond them, is out of control: it is left out of the centre line and limits
 * (sql/insights/int_spc_point.sql), and is still plotted and still a signal (fct_spc_signal); the
 * chart says which weeks were left out (fct_spc_chart). Hunt 6a, G12: a correction received a
 * year later set one baseline week to 90% among weeks at 99%, and every later week signalled.
 */
class SpcBaselineExclusionTests {

  /** Inspected of 1,000 critical parts in the twelve ordinary baseline weeks: 99.0% on the whole. */
  static final List<Integer> ORDINARY = List.of(988, 991, 990, 992, 989, 990, 991, 989, 990, 992, 988, 990);
  /** The baseline 2025-W01 .. 2025-W13: the ordinary weeks with W07, corrected to 90%, among them. */
  static final List<Integer> BASELINE = Stream.of(ORDINARY.subList(0, 6), List.of(900), ORDINARY.subList(6, 12))
      .flatMap(List::stream).toList();
  /** The last day of 2025-W13. */
  static final String THIRTEEN_WEEKS = "2025-03-30";
  /** Then 26 more ordinary weeks, 2025-W14 .. 2025-W39. */
  static final List<Integer> SERIES = Stream.of(BASELINE, ORDINARY, ORDINARY, ORDINARY.subList(0, 2))
      .flatMap(List::stream).toList();

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
  void oneCorrectedBaselineWeekIsLeftOutOfTheLimitsAndNoLaterWeekSignals() throws SQLException {
    // given inspection coverage on a p chart needing 12 baseline points, Production's series with the
    // corrected 90% week and, for comparison, Assembly's the same without it
    inspectionChart(THIRTEEN_WEEKS, 12);
    bench.weeklyProportions("inspection", "PROD", 1000, SERIES);
    bench.weeklyProportions("inspection", "ASSY", 1000, SERIES);
    bench.sql("delete from int_kpi_series_weekly where department_code = 'ASSY' and iso_week = '2025-W07'");

    // when the charts are drawn and judged
    bench.run("int_spc_point", "fct_spc_chart", "fct_spc_signal", "fct_early_warning");

    // then the 90% week is a signal, beyond 3 sigma below, and the only one: no run of later ordinary
    // weeks "above" a centre line it had pulled down (left in, it gave 61 signals in 36 of the 39 weeks,
    // each of the 26 later weeks among them)
    assertThat(bench.query("select rule_id, iso_week, phase, side from fct_spc_signal where department_code = 'PROD'"
        + " order by rule_id")).containsExactly(List.of("WE1", "2025-W07", "I", "below"));
    assertThat(bench.single("select count(*) from fct_early_warning")).isEqualTo(0L);
    // and the limits are those of the baseline without it: p-bar 0.99 from 11,880 of 12,000
    assertThat(limits("PROD")).isEqualTo(limits("ASSY")).hasSize(1);
    assertThat(limits("PROD").get(0).get(0)).isEqualTo(0.99);
    // and the week is still plotted, marked as left out
    assertThat(bench.query("select iso_week, plotted_value, excluded_from_baseline from int_spc_point"
        + " where department_code = 'PROD' and (excluded_from_baseline or iso_week = '2025-W08')"))
        .containsExactly(List.of("2025-W07", 0.9, true), List.of("2025-W08", 0.991, false));
    // and the chart says what its limits rest on, in the warehouse and for the report
    assertThat(bench.query("select chart_status, baseline_points, excluded_baseline_points,"
        + " excluded_baseline_weeks::varchar, note from fct_spc_chart where department_code = 'PROD'"))
        .containsExactly(List.of("drawn", 13L, 1L, "[2025-W07]", "The centre line and limits rest on 12 of the 13"
            + " weekly points of the baseline 2025-W01 .. 2025-W13: 2025-W07 lay beyond the limits that all 13 gave"
            + " and is left out as out of control; it is still plotted and marked."));
    assertThat(bench.query("select note_key, note_args from fct_spc_chart where department_code = 'PROD'"))
        .containsExactly(List.of("evidence.control_chart.baseline_points_excluded",
            "[\"2025-W01\",\"2025-W13\",13,1,\"2025-W07\",12]"));
    // and a chart that left nothing out has no note, as before
    assertThat(bench.query("select chart_status, excluded_baseline_points, note from fct_spc_chart"
        + " where department_code = 'ASSY'")).containsExactly(Arrays.asList("drawn", 0L, null));
  }

  @Test
  void anOrdinaryWeekBeyondTheTrialLimitsOnlyBecauseOfTheWeeksLeftOutIsTakenBackIn() throws SQLException {
    // given 26 baseline weeks between 98.5% and 99.5% (99.0% on the whole), three of them corrected to 90%,
    // which pull the trial centre line down to 98.0% and its upper limit to 99.3%, below three ordinary weeks
    List<Integer> ordinary = List.of(985, 995, 990, 993, 987, 991, 989, 994, 986, 990, 992, 988);
    List<Integer> inspected = new ArrayList<>(Stream.of(ordinary, ordinary, ordinary, ordinary, ordinary)
        .flatMap(List::stream).toList());
    List.of(4, 11, 18).forEach(week -> inspected.set(week, 900));
    inspectionChart("2025-06-29", 20);
    bench.weeklyProportions("inspection", "PROD", 1000, inspected);
    bench.weeklyProportions("inspection", "ASSY", 1000, inspected);
    bench.sql("delete from int_kpi_series_weekly where department_code = 'ASSY' and value = 90");

    bench.run("int_spc_point", "fct_spc_chart", "fct_spc_signal");

    // then only the three 90% weeks are left out: the limits revised without them take the ordinary weeks
    // at 99.3% to 99.5% back in, and the limits are those of the baseline without the three weeks
    assertThat(bench.single("select excluded_baseline_weeks::varchar from fct_spc_chart where department_code = 'PROD'"))
        .isEqualTo("[2025-W05, 2025-W12, 2025-W19]");
    assertThat(limits("PROD")).isEqualTo(limits("ASSY")).hasSize(1);
    assertThat(bench.query("select rule_id, iso_week from fct_spc_signal where department_code = 'PROD' and phase = 'I'"
        + " order by iso_week")).containsExactly(List.of("WE1", "2025-W05"), List.of("WE1", "2025-W12"),
        List.of("WE1", "2025-W19"));
  }

  @Test
  void aBaselineLeftWithTooFewPointsIsNotChartedAndSaysWhy() throws SQLException {
    // given the same series on a chart that needs all 13 baseline weeks
    inspectionChart(THIRTEEN_WEEKS, 13);
    bench.weeklyProportions("inspection", "PROD", 1000, SERIES);

    bench.run("int_spc_point", "fct_spc_chart", "fct_spc_signal", "fct_early_warning");

    // then with the 90% week left out, 12 remain: no limits, no signal, no warning, and the sentence says why
    assertThat(bench.query("select chart_status, baseline_points, excluded_baseline_points, note from fct_spc_chart"))
        .containsExactly(List.of("too_few_baseline_points", 13L, 1L, "The baseline 2025-W01 .. 2025-W13 holds 13"
            + " weekly points, but 2025-W07 lay beyond the limits they gave and is left out as out of control,"
            + " leaving 12; at least 13 are needed for control limits, so the chart is not drawn and no run rule"
            + " applies."));
    assertThat(bench.single("select note_args from fct_spc_chart"))
        .isEqualTo("[\"2025-W01\",\"2025-W13\",13,13,1,\"2025-W07\",12]");
    assertThat(bench.single("select count(*) from fct_spc_signal")).isEqualTo(0L);
    assertThat(bench.single("select count(*) from fct_early_warning")).isEqualTo(0L);
    assertThat(bench.single("select count(centre_line) from int_spc_point")).isEqualTo(0L);
  }

  @Test
  void aBaselineSteadyButForTheWeekLeftOutHasTheSteadyLevel() throws SQLException {
    // given 100% in every baseline week but the corrected W07 (90%), and 100% after
    inspectionChart(THIRTEEN_WEEKS, 12);
    List<Integer> inspected = Stream.of(Collections.nCopies(6, 1000), List.of(900), Collections.nCopies(32, 1000))
        .flatMap(List::stream).toList();
    bench.weeklyProportions("inspection", "PROD", 1000, inspected);

    bench.run("int_spc_point", "fct_spc_chart", "fct_spc_signal", "fct_early_warning");

    // then the other twelve weeks never varied: the chart is steady at 100%, nothing departed later,
    // and no later week at 100% signals "above" a centre line of 99.2%
    assertThat(bench.query("select chart_status, centre_line, excluded_baseline_points, departure_count, note"
        + " from fct_spc_chart")).containsExactly(List.of("steady_baseline", 1.0, 1L, 0L, "The baseline 2025-W01 .."
        + " 2025-W13 never varied (1.0 in each of its 12 weeks, leaving out 2025-W07, which lay beyond the limits of"
        + " the whole baseline and is marked as out of control), so the chart has no control limits and no run rule"
        + " applies; no later week has departed from it."));
    assertThat(bench.single("select count(*) from fct_spc_signal")).isEqualTo(0L);
    assertThat(bench.single("select count(*) from fct_early_warning")).isEqualTo(0L);
  }

  /** Each distinct centre line and pair of limits of a department's chart. */
  private List<List<Object>> limits(String department) throws SQLException {
    return bench.query("select distinct centre_line, upper_control_limit, lower_control_limit from int_spc_point"
        + " where department_code = '" + department + "'");
  }

  /** Inspection coverage (higher is better) on a p chart, baseline 2025-W01 to {@code baselineTo}, WE1-WE4. */
  private void inspectionChart(String baselineTo, int minBaselinePoints) throws SQLException {
    bench.sql("insert into dim_kpi values ('inspection', 'Inspection', 'quality', 'percent', 'higher_is_better',"
            + " null, 'head_of_quality', 0, null, null, null, null, 'mean')",
        "insert into dim_control_chart values ('inspection', 'p', date '2024-12-30', date '" + baselineTo + "', "
            + minBaselinePoints + ", null, null)",
        "insert into dim_control_chart_rule select 'inspection', unnest(['WE1', 'WE2', 'WE3', 'WE4'])");
  }
}
