package org.plumbline.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each run rule of sql/insights/fct_spc_signal.sql on a series that must fire it and one that
 * must not. The series are written in sigmas (centre 0, sigma 1), so each value is its z.
 */
class SpcRuleTests {

  @TempDir
  Path folder;

  static Stream<Arguments> rules() {
    return Stream.of(
        // rule, series, the points at which it fires (1-based); an empty list: must not fire
        Arguments.of("WE1", List.of(0.5, -0.2, 3.5), List.of(3)),
        Arguments.of("WE1", List.of(2.9, -2.9, 0.1), List.of()),
        Arguments.of("N1", List.of(-3.2, 0.0, 1.0), List.of(1)),
        Arguments.of("N1", List.of(2.99, 0.0, -2.99), List.of()),
        Arguments.of("WE2", List.of(0.1, 2.5, 0.3, 2.2), List.of(4)),
        Arguments.of("WE2", List.of(2.5, 0.3, 0.4, 2.2, -2.1), List.of()),
        Arguments.of("N5", List.of(-2.1, -2.4, 0.0), List.of(2)),
        Arguments.of("N5", List.of(2.5, -2.5, -0.5, 2.5), List.of()),
        Arguments.of("WE3", List.of(1.5, 0.2, 1.2, 1.8, 1.1), List.of(5)),
        Arguments.of("WE3", List.of(1.5, 0.2, 1.2, -1.8, 1.1), List.of()),
        Arguments.of("N6", List.of(-1.5, -1.2, 0.9, -1.8, -1.1, 0.0), List.of(5)),
        Arguments.of("N6", List.of(-1.5, -1.2, -0.9, -0.8, -1.1), List.of()),
        Arguments.of("WE4", repeat(0.5, 8), List.of(8)),
        Arguments.of("WE4", concat(repeat(0.5, 7), List.of(-0.1), repeat(0.5, 7)), List.of()),
        Arguments.of("N2", repeat(-0.4, 10), List.of(9, 10)),
        Arguments.of("N2", concat(repeat(-0.4, 8), List.of(0.0), repeat(-0.4, 8)), List.of()),
        Arguments.of("N3", List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5), List.of(6)),
        Arguments.of("N3", List.of(0.5, 0.4, 0.3, 0.3, 0.2, 0.1, 0.0), List.of()),
        Arguments.of("N4", alternating(14), List.of(14)),
        Arguments.of("N4", concat(alternating(13), List.of(0.5)), List.of()),
        Arguments.of("N7", alternatingBy(0.3, 15), List.of(15)),
        Arguments.of("N7", concat(alternatingBy(0.3, 7), List.of(1.2), alternatingBy(0.3, 7)), List.of()),
        Arguments.of("N8", alternatingBy(1.5, 8), List.of(8)),
        Arguments.of("N8", repeat(1.5, 8), List.of()));
  }

  @ParameterizedTest(name = "{0} on {1} fires at {2}")
  @MethodSource("rules")
  void aRuleFiresExactlyWhereItsPatternCompletes(String rule, List<Double> zScores, List<Integer> expected)
      throws SQLException {
    try (ModelBench bench = chartWith(rule, zScores)) {
      // when the signals are computed
      bench.run("fct_spc_signal");

      // then the rule fires at exactly the expected points, and no other rule (not enabled) does
      assertThat(bench.query("select point_number from fct_spc_signal order by point_number"))
          .extracting(r -> ((Long) r.get(0)).intValue()).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void aSignalNamesThePointsThatMakeIt() throws SQLException {
    // given two of three points beyond 2 sigma, with an inside point between them
    try (ModelBench bench = chartWith("WE2", List.of(0.1, 2.5, 0.3, 2.2))) {
      bench.run("fct_spc_signal");

      // then the signal names the two points beyond 2 sigma, not the one inside
      List<Object> signal = bench.query("select side, signal_points from fct_spc_signal").get(0);
      assertThat(signal.get(0)).isEqualTo("above");
      assertThat(signal.get(1).toString()).isEqualTo("[2025-W02, 2025-W04]");
    }
  }

  @Test
  void aRuleNotConfiguredForTheKpiIsNotReported() throws SQLException {
    // given a point beyond 3 sigma on a chart that applies only the trend rule N3
    try (ModelBench bench = chartWith("N3", List.of(0.0, 3.5, 0.0))) {
      bench.run("fct_spc_signal");

      assertThat(bench.single("select count(*) from fct_spc_signal")).isEqualTo(0L);
    }
  }

  /** A chart of KPI 'k' applying one rule, with points already placed at the given z. */
  private ModelBench chartWith(String rule, List<Double> zScores) throws SQLException {
    ModelBench bench = ModelBench.open(folder);
    bench.withSeriesTable().run("int_spc_point");
    bench.sql("insert into dim_control_chart_rule values ('k', '" + rule + "')");
    String points = new ArrayList<>(zScores).stream()
        .map(z -> "(" + z + ")").collect(Collectors.joining(", "));
    bench.sql("insert into int_spc_point by name select 'k' as kpi_id, 'D' as department_code,"
        + " strftime(date '2024-12-30' + (7 * (n - 1))::integer, '%G-W%V') as iso_week,"
        + " date '2024-12-30' + (7 * (n - 1))::integer as week_start, n as point_number, 'II' as phase,"
        + " 'individuals' as chart_type, z as plotted_value, 0.0 as centre_line, 1.0 as sigma,"
        + " 3.0 as upper_control_limit, -3.0 as lower_control_limit, z as z_score, 'drawn' as chart_status,"
        + " [] as load_ids"
        + " from (select row_number() over () as n, z from (values " + points + ") as t(z))");
    return bench;
  }

  private static List<Double> repeat(double z, int times) {
    return Collections.nCopies(times, z);
  }

  private static List<Double> alternating(int points) {
    return alternatingBy(0.5, points);
  }

  private static List<Double> alternatingBy(double z, int points) {
    List<Double> series = new ArrayList<>();
    for (int i = 0; i < points; i++) {
      series.add(i % 2 == 0 ? z : -z);
    }
    return series;
  }

  @SafeVarargs
  private static List<Double> concat(List<Double>... parts) {
    return Stream.of(parts).flatMap(List::stream).toList();
  }
}
