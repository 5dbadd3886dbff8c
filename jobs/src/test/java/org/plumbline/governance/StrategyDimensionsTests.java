package org.plumbline.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example's strategic sections become their dim_* tables with the dimensions. */
class StrategyDimensionsTests {

  @Test
  void loadsEveryStrategicRowOfTheExample() throws Exception {
    // given
    GovernanceModel example = new GovernanceLoader().load(GovernanceLoaderTests.EXAMPLE);
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
      // when
      new DimensionLoader().load(duckdb, example);

      // then
      List<String> tables = List.of("dim_calendar", "dim_deviation", "dim_exchange_rate", "dim_incentive_scheme",
          "dim_incentive_weight", "dim_initiative", "dim_initiative_kpi", "dim_objective", "dim_objective_key_result",
          "dim_submission", "dim_tension");
      List<List<Object>> counts = new ArrayList<>();
      try (Statement s = duckdb.createStatement(); ResultSet r = s.executeQuery(String.join(" union all ",
          tables.stream().map(t -> "select '" + t + "', count(*) from " + t).toList()) + " order by 1")) {
        while (r.next()) {
          counts.add(List.of(r.getString(1), r.getLong(2)));
        }
      }
      assertThat(counts).containsExactly(List.of("dim_calendar", 1L), List.of("dim_deviation", 1L),
          List.of("dim_exchange_rate", 2L), List.of("dim_incentive_scheme", 2L), List.of("dim_incentive_weight", 5L),
          List.of("dim_initiative", 1L), List.of("dim_initiative_kpi", 2L), List.of("dim_objective", 2L),
          List.of("dim_objective_key_result", 5L), List.of("dim_submission", 6L), List.of("dim_tension", 2L));
      try (Statement s = duckdb.createStatement(); ResultSet r = s.executeQuery(
          "select due_time::varchar, due_days_after_period from dim_submission where submission_id = 'SUB-PROD-KPI'")) {
        r.next();
        assertThat(List.of(r.getString(1), r.getInt(2))).containsExactly("17:00:00", 7);
      }
    }
  }
}
