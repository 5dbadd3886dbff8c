package org.plumbline.governance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.plumbline.system.SqlScript;

/**
 * Writes the governance model into the {@code dim_*} tables: recreates them from
 * {@code sql/dimensions/dimensions.sql} and inserts every row, all in one transaction, so the
 * SQL models never see half a model.
 *
 * <p>Prepared-statement batches rather than the Appender: a model is a few hundred rows, and a
 * statement takes part in the connection's transaction in the plain JDBC way.
 */
public final class DimensionLoader {

  static final String DDL = "sql/dimensions/dimensions.sql";

  /** The table_name of a source's own metrics and attributes, which its tables without their own read. */
  static final String SOURCE_ITSELF = "";

  /**
   * Joins the caller's transaction when auto-commit is off; otherwise commits (or rolls back)
   * a transaction of its own.
   */
  public void load(Connection duckdb, GovernanceModel model) throws SQLException {
    boolean ownTransaction = duckdb.getAutoCommit();
    duckdb.setAutoCommit(false);
    try {
      SqlScript.execute(duckdb, DDL);
      insertDepartments(duckdb, model);
      insertRoles(duckdb, model);
      insertKpis(duckdb, model);
      insertPolicies(duckdb, model);
      insertSources(duckdb, model);
      insertFindingSeverities(duckdb, model);
      StrategyDimensions.load(duckdb, model);
      InsightDimensionLoader.load(duckdb, model);
      ConfidentialityDimensionLoader.load(duckdb, model);
      if (ownTransaction) {
        duckdb.commit();
      }
    } catch (SQLException | RuntimeException e) {
      if (ownTransaction) {
        rollback(duckdb, e);
      }
      throw e;
    } finally {
      if (ownTransaction) {
        duckdb.setAutoCommit(true);
      }
    }
  }

  /** A failed rollback must not hide why the load failed. */
  private static void rollback(Connection duckdb, Exception cause) {
    try {
      duckdb.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static void insertDepartments(Connection duckdb, GovernanceModel model) throws SQLException {
    Rows departments = new Rows();
    Rows aliases = new Rows();
    Rows localNames = new Rows();
    for (Department department : model.departments()) {
      departments.add(department.code(), department.name());
      department.aliases().forEach(alias -> aliases.add(department.code(), alias));
      department.localKpiNames().forEach((localName, kpi) -> localNames.add(department.code(), localName, kpi));
    }
    departments.insert(duckdb, "insert into dim_department (department_code, department_name) values (?, ?)");
    aliases.insert(duckdb, "insert into dim_department_alias (department_code, alias) values (?, ?)");
    localNames.insert(duckdb, "insert into dim_kpi_local_name (department_code, local_name, kpi_id) values (?, ?, ?)");
  }

  private static void insertRoles(Connection duckdb, GovernanceModel model) throws SQLException {
    Rows roles = new Rows();
    for (Role role : model.roles()) {
      roles.add(role.id(), role.title(), role.departmentCode(), role.canPauseProcess());
    }
    roles.insert(duckdb,
        "insert into dim_role (role_id, role_title, department_code, can_pause_process) values (?, ?, ?, ?)");
  }

  private static void insertKpis(Connection duckdb, GovernanceModel model) throws SQLException {
    Rows kpis = new Rows();
    Rows filters = new Rows();
    for (Kpi kpi : model.kpis()) {
      Measurement measured = kpi.measuredBy();
      kpis.add(kpi.id(), kpi.name(), lower(kpi.dimension()), kpi.unit(), lower(kpi.direction()), kpi.target(),
          kpi.ownerRole(), kpi.tolerance(),
          measured == null ? null : measured.sourceId(),
          measured == null ? null : measured.numerator(),
          measured == null ? null : measured.denominator(),
          measured == null ? null : measured.scale(),
          lower(kpi.aggregation()));
      if (measured != null) {
        measured.filter().forEach((attribute, value) -> filters.add(kpi.id(), attribute, value));
      }
    }
    kpis.insert(duckdb, "insert into dim_kpi (kpi_id, kpi_name, triad_dimension, unit, direction, target, owner_role,"
        + " tolerance, measured_source_id, numerator_measure, denominator_measure, measured_scale, aggregation)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    filters.insert(duckdb, "insert into dim_kpi_filter (kpi_id, attribute, value) values (?, ?, ?)");
  }

  private static void insertPolicies(Connection duckdb, GovernanceModel model) throws SQLException {
    Rows policies = new Rows();
    Rows scopes = new Rows();
    for (Policy policy : model.policies()) {
      policies.add(policy.id(), policy.version(), policy.statement(), policy.kpiId(), policy.comparator(),
          policy.threshold(), policy.ownerRole(), lower(policy.severity()), policy.effectiveFrom(), policy.effectiveTo());
      policy.scope().forEach((attribute, value) -> scopes.add(policy.id(), policy.version(), attribute, value));
    }
    policies.insert(duckdb, "insert into dim_policy (policy_id, policy_version, statement, kpi_id, comparator,"
        + " threshold, owner_role, severity, effective_from, effective_to) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    scopes.insert(duckdb,
        "insert into dim_policy_scope (policy_id, policy_version, attribute, value) values (?, ?, ?, ?)");
  }

  private static void insertSources(Connection duckdb, GovernanceModel model) throws SQLException {
    Rows sources = new Rows();
    Rows metrics = new Rows();
    Rows attributes = new Rows();
    Rows tables = new Rows();
    for (Source source : model.sources()) {
      for (int i = 0; i < source.tables().size(); i++) {
        Source.Table table = source.tables().get(i);
        Source.PeriodSpec period = source.periodOf(table);
        Source.SkipRule skip = source.skipRowsOf(table);
        tables.add(source.id(), table.name(), i + 1, lower(source.shapeOf(table)),
            period == null ? null : period.column(), period == null ? null : lower(period.grain()),
            source.metricColumnOf(table), source.valueColumnOf(table), source.dateFormatOf(table),
            skip == null ? null : skip.column(), skip == null ? null : skip.matches(),
            table.metrics() != null, table.attributes() != null);
        // A table's own lists, beside the source's (table_name ''), which the other tables read.
        addMetrics(metrics, source.id(), table.name(), table.metrics());
        addAttributes(attributes, source.id(), table.name(), table.attributes());
      }
      sources.add(source.id(), source.departmentCode(), source.system(), lower(source.kind()), lower(source.format()),
          source.filePattern(), source.sheet(), source.headerRow(),
          source.period() == null ? null : source.period().column(),
          source.period() == null ? null : lower(source.period().grain()),
          source.dateFormatOf(null),
          source.textDecimalMark().isEmpty() ? "." : source.textDecimalMark(),
          source.skipRows() == null ? null : source.skipRows().column(),
          source.skipRows() == null ? null : source.skipRows().matches(),
          lower(source.shape()), source.metricColumn(), source.valueColumn(), lower(source.versionKey()),
          source.departmentColumn(), ReadingSettings.fingerprint(model, source));
      addMetrics(metrics, source.id(), SOURCE_ITSELF, source.metrics());
      addAttributes(attributes, source.id(), SOURCE_ITSELF, source.attributes());
    }
    sources.insert(duckdb, "insert into dim_source (source_id, department_code, system_name, kind, file_format,"
        + " file_pattern, sheet_name, header_row, period_column, period_grain, date_format, decimal_mark, skip_column,"
        + " skip_pattern, shape, metric_column, value_column, version_key, department_column, settings_fingerprint)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    metrics.insert(duckdb, "insert into dim_source_metric (source_id, table_name, metric_ordinal, column_name,"
        + " metric_name, scale, constant_value, unit) values (?, ?, ?, ?, ?, ?, ?, ?)");
    attributes.insert(duckdb,
        "insert into dim_source_attribute (source_id, table_name, attribute, column_name) values (?, ?, ?, ?)");
    tables.insert(duckdb, "insert into dim_source_table (source_id, table_name, table_ordinal, shape, period_column,"
        + " period_grain, metric_column, value_column, date_format, skip_column, skip_pattern, own_metrics,"
        + " own_attributes) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    Rows money = new Rows();
    MoneyColumns.of(model).forEach(c -> money.add(c.sourceId(), c.metricName(), c.currency()));
    money.insert(duckdb, "insert into dim_money_column (source_id, metric_name, currency) values (?, ?, ?)");
  }

  /** A metric list's rows; a table without a list of its own (null) reads the source's and adds none. */
  private static void addMetrics(Rows rows, String sourceId, String tableName, List<Source.SourceMetric> list) {
    if (list == null) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      Source.SourceMetric metric = list.get(i);
      rows.add(sourceId, tableName, i + 1, metric.column(), metric.name(), metric.scale(), metric.constantValue(),
          metric.unit());
    }
  }

  private static void addAttributes(Rows rows, String sourceId, String tableName, Map<String, String> columns) {
    if (columns == null) {
      return;
    }
    columns.forEach((attribute, column) -> rows.add(sourceId, tableName, attribute, column));
  }

  private static void insertFindingSeverities(Connection duckdb, GovernanceModel model) throws SQLException {
    Rows severities = new Rows();
    model.findingSeverityByCase().forEach((findingCase, severity) -> severities.add(findingCase, lower(severity)));
    severities.insert(duckdb, "insert into dim_finding_severity (finding_case, severity) values (?, ?)");
  }

  /** The config's spelling of an enum value ({@code higher_is_better}), which the SQL models compare with. */
  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /** Rows for one table, bound as parameters and inserted as one batch. */
  static final class Rows {
    private final List<Object[]> rows = new ArrayList<>();

    void add(Object... values) {
      rows.add(values);
    }

    void insert(Connection duckdb, String insert) throws SQLException {
      if (rows.isEmpty()) {
        return;
      }
      try (PreparedStatement statement = duckdb.prepareStatement(insert)) {
        for (Object[] row : rows) {
          for (int i = 0; i < row.length; i++) {
            statement.setObject(i + 1, row[i]);
          }
          statement.addBatch();
        }
        statement.executeBatch();
      }
    }
  }
}
