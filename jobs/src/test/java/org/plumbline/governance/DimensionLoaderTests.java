package org.plumbline.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example governance model becomes the dim_* tables the SQL models join. */
class DimensionLoaderTests {

  private final GovernanceModel example = new GovernanceLoader().load(GovernanceLoaderTests.EXAMPLE);
  private final DimensionLoader dimensions = new DimensionLoader();
  private Connection duckdb;

  @BeforeEach
  void openDatabase() throws SQLException {
    duckdb = DriverManager.getConnection("jdbc:duckdb:");
  }

  @AfterEach
  void closeDatabase() throws SQLException {
    duckdb.close();
  }

  @Test
  void loadsEveryRowOfTheExample() throws SQLException {
    // when
    dimensions.load(duckdb, example);

    // then
    List<String> tables = List.of("dim_department", "dim_department_alias", "dim_kpi", "dim_kpi_filter",
        "dim_kpi_local_name", "dim_policy", "dim_policy_scope", "dim_role", "dim_source", "dim_source_attribute",
        "dim_source_metric");
    assertThat(rows(String.join(" union all ", tables.stream()
        .map(table -> "select '" + table + "', count(*) from " + table).toList()) + " order by 1")).containsExactly(
        List.of("dim_department", 3L),
        List.of("dim_department_alias", 5L),
        List.of("dim_kpi", 8L),
        List.of("dim_kpi_filter", 1L),
        List.of("dim_kpi_local_name", 7L),
        List.of("dim_policy", 1L),
        List.of("dim_policy_scope", 1L),
        List.of("dim_role", 3L),
        List.of("dim_source", 6L),
        List.of("dim_source_attribute", 6L),
        List.of("dim_source_metric", 15L));
    assertThat(duckdb.getAutoCommit()).isTrue();
  }

  @Test
  void writesEnumsInLowerCaseAndMeasurementsBesideTheirKpi() throws SQLException {
    // when
    dimensions.load(duckdb, example);

    // then
    assertThat(rows("select * from dim_kpi where kpi_id in ('inspection_coverage', 'customer_complaints',"
        + " 'audit_score') order by kpi_id")).containsExactly(
        Arrays.asList("audit_score", "Quality audit score", "quality", "percent", "higher_is_better", 95.0,
            "head_of_quality", 0.0, null, null, null, null, "mean"),
        Arrays.asList("customer_complaints", "Customer complaints", "quality", "count", "lower_is_better", 1.0,
            "head_of_quality", 0.0, "crm_complaints", "complaints", null, 1.0, "sum"),
        Arrays.asList("inspection_coverage", "Inspection coverage of critical parts", "quality", "percent",
            "higher_is_better", 100.0, "head_of_quality", 0.5, "mes_inspection_lots", "inspected_units",
            "produced_units", 100.0, "mean"));
    assertThat(rows("select * from dim_kpi_filter"))
        .containsExactly(List.of("inspection_coverage", "part_class", "CRITICAL"));
    assertThat(rows("select policy_id, policy_version, comparator, threshold, severity, effective_from::varchar,"
        + " effective_to from dim_policy")).containsExactly(
        Arrays.asList("POL-INSP-001", 1, ">=", 100.0, "critical", "2024-01-01", null));
    assertThat(rows("select * from dim_role order by role_id")).containsExactly(
        List.of("head_of_logistics", "Head of Logistics", "LOG", true),
        List.of("head_of_production", "Head of Production", "PROD", true),
        List.of("head_of_quality", "Head of Quality", "QUAL", false));
  }

  @Test
  void writesSourcesWithTheirReadingDefaults() throws SQLException {
    // when
    dimensions.load(duckdb, example);

    // then
    assertThat(rows("select source_id, kind, file_format, sheet_name, header_row, period_column, period_grain,"
        + " date_format, decimal_mark, skip_column from dim_source"
        + " where source_id in ('prod_weekly_kpis', 'qual_audit_scores', 'crm_complaints') order by source_id"))
        .containsExactly(
            Arrays.asList("crm_complaints", "system_of_record", "json", null, 1, "received_date", "day", null, ".",
                null),
            Arrays.asList("prod_weekly_kpis", "self_reported", "xlsx", "Weekly KPIs", 3, "Week starting", "week",
                null, ".", "Week starting"),
            Arrays.asList("qual_audit_scores", "self_reported", "csv", null, 1, "Auditdatum", "day", "%d.%m.%Y",
                ",", null));
    assertThat(rows("select source_id, metric_ordinal, column_name, metric_name, scale, constant_value"
        + " from dim_source_metric where source_id in ('prod_weekly_kpis', 'crm_complaints')"
        + " order by source_id, metric_ordinal")).containsExactly(
        Arrays.asList("crm_complaints", 1, null, "complaints", 1.0, 1.0),
        Arrays.asList("prod_weekly_kpis", 1, "Units produced", "Units produced", 1.0, null),
        Arrays.asList("prod_weekly_kpis", 2, "Critical parts inspected", "Critical parts inspected", 1.0, null),
        Arrays.asList("prod_weekly_kpis", 3, "Scrap cost (EUR)", "Scrap cost (EUR)", 1.0, null),
        Arrays.asList("prod_weekly_kpis", 4, "Output per shift", "Output per shift", 1.0, null));
    assertThat(rows("select * from dim_source_attribute where source_id = 'mes_inspection_lots'")).containsExactly(
        List.of("mes_inspection_lots", "", "part_id", "part_no"),
        List.of("mes_inspection_lots", "", "part_class", "part_class"),
        List.of("mes_inspection_lots", "", "lot_id", "lot_id"));
  }

  @Test
  void aSourceWithTablesHasARowPerTableAndTheTablesOwnMetricsAndAttributes(@TempDir Path dir) throws Exception {
    // given the example model and a line export of three tables: line_a reads the source's metrics, line_b lists
    // its own with a lot column, a date format and a totals rule, rejects is metric_per_row and reads no attributes
    try (var files = Files.list(GovernanceLoaderTests.EXAMPLE)) {
      for (Path file : files.toList()) {
        Files.copy(file, dir.resolve(file.getFileName()));
      }
    }
    Files.writeString(dir.resolve("scada.yml"),
        SourceTableMetricReferencesTests.LINES.formatted("USD", "scada_rejects", "scada_scrap_cost"));

    // when
    dimensions.load(duckdb, new GovernanceLoader().load(dir));

    // then each table says how it is read, and whose metric and attribute rows are its
    assertThat(rows("select table_name, table_ordinal, shape, period_column, period_grain, metric_column,"
        + " value_column, date_format, skip_column, skip_pattern, own_metrics, own_attributes"
        + " from dim_source_table where source_id = 'scada_lines' order by table_ordinal")).containsExactly(
        Arrays.asList("line_a", 1, "column_per_metric", "Date", "day", null, null, null, null, null, false, false),
        Arrays.asList("line_b", 2, "column_per_metric", "Date", "day", null, null, "%d.%m.%Y", "Date", "^Total$",
            true, true),
        Arrays.asList("rejects", 3, "metric_per_row", "Date", "day", "Reason", "Count", null, null, null, true,
            true));
    assertThat(rows("select table_name, metric_ordinal, column_name, metric_name, scale, constant_value, unit"
        + " from dim_source_metric where source_id = 'scada_lines' order by table_name, metric_ordinal"))
        .containsExactly(
            Arrays.asList("", 1, "Units", "scada_units", 1.0, null, null),
            Arrays.asList("line_b", 1, "Units", "scada_units", 1.0, null, null),
            Arrays.asList("line_b", 2, "Scrap", "scada_scrap_cost", 1.0, null, null),
            Arrays.asList("rejects", 1, null, "scada_rejects", 1.0, null, null));
    assertThat(rows("select table_name, attribute, column_name from dim_source_attribute"
        + " where source_id = 'scada_lines'")).containsExactly(List.of("line_b", "lot_id", "Lot"));
    assertThat(rows("select metric_name, currency from dim_money_column where source_id = 'scada_lines'"))
        .containsExactly(List.of("scada_scrap_cost", "USD"));
    // and a source of one table keeps its rows under table_name ''
    assertThat(rows("select distinct table_name from dim_source_metric where source_id <> 'scada_lines'"))
        .containsExactly(List.of(""));
  }

  @Test
  void replacesTheTablesOnEveryLoad() throws SQLException {
    // given
    dimensions.load(duckdb, example);

    // when
    dimensions.load(duckdb, example);

    // then
    assertThat(rows("select count(*) from dim_kpi")).containsExactly(List.of(8L));
  }

  @Test
  void leavesThePreviousTablesWhenALoadFails() throws SQLException {
    // given: a model that bypassed validation and repeats a KPI id (the primary key)
    dimensions.load(duckdb, example);
    List<Kpi> twice = new ArrayList<>(example.kpis());
    twice.add(example.kpis().get(0));
    GovernanceModel broken = new GovernanceModel("broken", example.departments(), List.of(), twice,
        example.policies(), example.sources());

    // when
    assertThatThrownBy(() -> dimensions.load(duckdb, broken)).isInstanceOf(SQLException.class);

    // then: the whole load was rolled back, roles included
    assertThat(rows("select count(*) from dim_kpi")).containsExactly(List.of(8L));
    assertThat(rows("select count(*) from dim_role")).containsExactly(List.of(3L));
    assertThat(duckdb.getAutoCommit()).isTrue();
  }

  @Test
  void joinsTheCallersTransaction() throws SQLException {
    // given
    duckdb.setAutoCommit(false);

    // when
    dimensions.load(duckdb, example);
    duckdb.rollback();

    // then
    assertThat(duckdb.getAutoCommit()).isFalse();
    assertThat(rows("select count(*) from duckdb_tables() where table_name like 'dim_%'")).containsExactly(List.of(0L));
  }

  private List<List<Object>> rows(String query) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement statement = duckdb.createStatement(); ResultSet result = statement.executeQuery(query)) {
      ResultSetMetaData meta = result.getMetaData();
      while (result.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.add(result.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
