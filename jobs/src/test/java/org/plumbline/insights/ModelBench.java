package org.plumbline.insights;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.plumbline.system.SqlScript;

/**
 * A real DuckDB file with empty dimension tables and a run context, where a test writes the
 * inputs of an insight model (the dimensions it reads and the tables above it) and runs the
 * model's own SQL file.
 */
final class ModelBench implements AutoCloseable {

  private final Connection duckdb;

  private ModelBench(Connection duckdb) {
    this.duckdb = duckdb;
  }

  static ModelBench open(Path folder) throws SQLException {
    ModelBench bench = new ModelBench(DriverManager.getConnection("jdbc:duckdb:" + folder.resolve("bench.duckdb")));
    SqlScript.execute(bench.duckdb, "sql/dimensions/dimensions.sql");
    SqlScript.execute(bench.duckdb, "sql/dimensions/insights.sql");
    SqlScript.execute(bench.duckdb, "sql/macros/exact_aggregates.sql");
    bench.sql("create or replace table run_context as select date '2026-01-31' as as_of_date,"
        + " 'test-config' as config_version, 'Test GmbH' as company_name, null::bigint as job_execution_id");
    return bench;
  }

  /**
   * The calendar days (dim_date, by its real SQL) of a plant comparing figures by {@code commonGrain}
   * (week, month or fiscal_period), and its periods (dim_common_period), for models that name
   * periods by their labels.
   */
  ModelBench withDates(String commonGrain) throws SQLException {
    sql("create table if not exists dim_calendar (calendar_id varchar, timezone varchar, common_grain varchar,"
            + " fiscal_year_start_month integer, fiscal_pattern varchar, reporting_currency varchar)",
        "delete from dim_calendar",
        "insert into dim_calendar values ('PLANT', 'Europe/Berlin', '" + commonGrain + "', 1, '4-4-5', null)",
        "create table if not exists stg_observation (period_date date)");
    SqlScript.execute(duckdb, "sql/dimensions/dim_date.sql");
    SqlScript.execute(duckdb, "sql/dimensions/dim_common_period.sql");
    return this;
  }

  /** The table int_kpi_series_weekly makes, empty, for tests that write series by hand. */
  ModelBench withSeriesTable() throws SQLException {
    return sql("create or replace table int_kpi_series_weekly (kpi_id varchar, department_code varchar,"
        + " iso_week varchar, week_start date, value double, numerator_total double, denominator_total double,"
        + " subgroup_size bigint, subgroup_mean double, subgroup_range double, origin varchar, load_ids bigint[])");
  }

  /**
   * The tables int_measured_kpi_period and int_reported_kpi_period make, empty, for tests that
   * write a period's figures by hand, and v_kpi_period over them by its real SQL.
   */
  ModelBench withPeriodFigures() throws SQLException {
    sql("create or replace table int_measured_kpi_period (kpi_id varchar, department_code varchar,"
            + " period_label varchar, period_start date, period_end date, numerator_total double,"
            + " denominator_total double, measured_value double, load_ids bigint[], is_complete boolean)",
        "create or replace table int_reported_kpi_period (department_code varchar, kpi_id varchar,"
            + " period_label varchar, period_start date, period_end date, reported_value double, value_count bigint,"
            + " load_ids bigint[])");
    SqlScript.execute(duckdb, "sql/views/v_kpi_period.sql");
    return this;
  }

  /** A KPI's weekly values from 2024-12-30 (2025-W01) on, the i-th with load id i. */
  ModelBench weeklySeries(String kpi, String department, List<Double> values) throws SQLException {
    String rows = java.util.stream.IntStream.range(0, values.size())
        .mapToObj(i -> "(" + i + ", " + values.get(i) + ")").collect(java.util.stream.Collectors.joining(", "));
    return sql("insert into int_kpi_series_weekly (kpi_id, department_code, iso_week, week_start, value, origin,"
        + " load_ids) select '" + kpi + "', '" + department + "', strftime(w, '%G-W%V'), w, v, 'measured', [i]"
        + " from (select i, v, date '2024-12-30' + (7 * i)::integer as w from (values " + rows + ") as t(i, v))");
  }

  /**
   * A KPI's weekly proportions from 2024-12-30 (2025-W01) on, the i-th {@code counts.get(i)} of
   * {@code of} (a p chart's numerator and denominator, the value in percent), with load id i.
   */
  ModelBench weeklyProportions(String kpi, String department, int of, List<Integer> counts) throws SQLException {
    String rows = java.util.stream.IntStream.range(0, counts.size())
        .mapToObj(i -> "(" + i + ", " + counts.get(i) + ")").collect(java.util.stream.Collectors.joining(", "));
    return sql("insert into int_kpi_series_weekly select '" + kpi + "', '" + department + "', strftime(w, '%G-W%V'),"
        + " w, 100.0 * n / " + of + ", n, " + of + ", null, null, null, 'measured', [i] from (select i, n,"
        + " date '2024-12-30' + (7 * i)::integer as w from (values " + rows + ") as t(i, n))");
  }

  ModelBench sql(String... statements) throws SQLException {
    try (Statement statement = duckdb.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
    return this;
  }

  /** Runs {@code sql/insights/<model>.sql}, the file the nightly job runs. */
  ModelBench run(String... models) throws SQLException {
    for (String model : models) {
      SqlScript.execute(duckdb, "sql/insights/" + model + ".sql");
    }
    return this;
  }

  List<List<Object>> query(String sql) throws SQLException {
    try (Statement statement = duckdb.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      List<List<Object>> result = new ArrayList<>();
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(rows.getObject(i));
        }
        result.add(row);
      }
      return result;
    }
  }

  Object single(String sql) throws SQLException {
    return query(sql).get(0).get(0);
  }

  /** A test resource as a path DuckDB can read. */
  static String resource(String name) {
    try {
      return Path.of(ModelBench.class.getResource("/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws SQLException {
    duckdb.close();
  }
}
