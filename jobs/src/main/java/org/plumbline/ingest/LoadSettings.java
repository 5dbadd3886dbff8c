package org.plumbline.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.plumbline.governance.Department;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.governance.Kpi;
import org.plumbline.governance.ReadingSettings;
import org.plumbline.governance.Source;
import org.plumbline.system.SqlScript;
import org.plumbline.governance.Source.SourceMetric;

/**
 * Writes the source's column map for the file being loaded into the scratch tables that
 * {@code sql/ingest/type_values.sql} types against, every value as a bound parameter. What it
 * takes from the config is what {@link ReadingSettings} fingerprints for the ledger (V15): a
 * setting read here that the fingerprint lacks would change loaded files' readings unsaid.
 */
final class LoadSettings {

  private final GovernanceModel model;
  private final UnitConversion units;

  LoadSettings(GovernanceModel model) {
    this.model = model;
    this.units = new UnitConversion(model);
  }

  void write(Connection connection, InboxFile file, LocalDateTime receivedAt, Source source, long loadId)
      throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(
        "insert into incoming_load (load_id, source_id, content_hash, received_at, file_name, version_key,"
            + " version_by_periods, decimal_mark) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setLong(1, loadId);
      s.setString(2, source.id());
      s.setString(3, file.contentHash());
      s.setTimestamp(4, Timestamp.valueOf(receivedAt));
      s.setString(5, file.name());
      // Files of one source with the same name are versions of one document, unless the
      // source says its versions are told apart by the periods they cover (set once typed).
      s.setString(6, source.id() + "/" + file.name());
      s.setBoolean(7, source.versionKey() == Source.VersionKey.PERIODS);
      s.setString(8, source.textDecimalMark());
      s.executeUpdate();
    }
    writeTables(connection, source);
    if (source.departmentColumn() != null) {
      writeDepartmentNames(connection, source);
    }
    writeMetrics(connection, source);
    // What type_values.sql reads periods and numbers typed as text with, for this source only.
    if (readsMonths(source)) {
      SqlScript.execute(connection, "sql/ingest/months_as_periods.sql");
    }
    SqlScript.execute(connection, source.textDecimalMark().isEmpty() ? "sql/ingest/workbook_numbers.sql"
        : "sql/ingest/plain_numbers.sql");
  }

  private static boolean readsMonths(Source source) {
    return grainOf(source.periodOf(null)) == Source.PeriodSpec.Grain.MONTH
        || source.tables().stream().anyMatch(t -> grainOf(source.periodOf(t)) == Source.PeriodSpec.Grain.MONTH);
  }

  private static Source.PeriodSpec.Grain grainOf(Source.PeriodSpec period) {
    return period == null ? null : period.grain();
  }

  /**
   * How each table is read: the table '' (a sheet that is one table) under the source's settings,
   * and each of a sheet's tables under its own where it gives them, the source's elsewhere.
   */
  private static void writeTables(Connection connection, Source source) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(
        "insert into incoming_table values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      writeTable(s, source, "", null);
      for (Source.Table table : source.tables()) {
        writeTable(s, source, table.name(), table);
      }
      s.executeBatch();
    }
  }

  private static void writeTable(PreparedStatement s, Source source, String tableName, Source.Table table)
      throws SQLException {
    Source.PeriodSpec period = source.periodOf(table);
    Source.SkipRule skipRows = source.skipRowsOf(table);
    Map<String, String> attributes = source.attributesOf(table);
    s.setString(1, tableName);
    s.setString(2, source.shapeOf(table).name().toLowerCase(Locale.ROOT));
    s.setString(3, period == null || period.grain() == null ? null : period.grain().name().toLowerCase(Locale.ROOT));
    s.setString(4, period == null ? null : period.column());
    s.setString(5, source.metricColumnOf(table));
    s.setString(6, source.valueColumnOf(table));
    s.setString(7, skipRows == null ? null : skipRows.column());
    s.setString(8, skipRows == null ? null : skipRows.matches());
    s.setString(9, attributes.get("part_id"));
    s.setString(10, attributes.get("part_class"));
    s.setString(11, attributes.get("lot_id"));
    s.setString(12, source.dateFormatOf(table));
    s.setString(13, source.departmentColumn());
    s.addBatch();
  }

  /**
   * The texts a row's department cell may name a department by: its code, its name and its
   * aliases (departments.yml), trimmed, in one spelling of each letter and case aside, as a cell
   * is read, so an export's ASSEMBLY is the department named Assembly; and the empty text for the
   * source's own department, where it gives one (the fallback for an empty cell).
   */
  private void writeDepartmentNames(Connection connection, Source source) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(
        "insert or ignore into incoming_department_name values (coalesce(lower(nfc_normalize(trim(?))), ''), ?)")) {
      for (Department department : model.departments()) {
        for (String name : Stream.concat(Stream.of(department.code(), department.name()),
            department.aliases().stream()).toList()) {
          s.setString(1, name);
          s.setString(2, department.code());
          s.addBatch();
        }
      }
      if (source.departmentCode() != null) {
        s.setString(1, "");
        s.setString(2, source.departmentCode());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** The metrics per table: a sheet of one table is the table '', a table of several may list its own. */
  private void writeMetrics(Connection connection, Source source) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("insert into incoming_metric values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      if (source.tables().isEmpty()) {
        writeMetrics(s, source, "", null);
      }
      for (Source.Table table : source.tables()) {
        writeMetrics(s, source, table.name(), table);
      }
      s.executeBatch();
    }
  }

  /**
   * Every local KPI name of the department converts to its KPI's unit; a metric entry in the
   * config says how a name's values are stated (ReadingSettings.metricsByName, which the
   * fingerprint of what a reading depends on reads too).
   */
  private void writeMetrics(PreparedStatement s, Source source, String tableName, Source.Table table)
      throws SQLException {
    int ordinal = 0;
    for (Map.Entry<String, SourceMetric> entry : ReadingSettings.metricsByName(model, source, table).entrySet()) {
      SourceMetric metric = entry.getValue();
      UnitConversion.Factors factors = units.of(source, entry.getKey(), metric);
      s.setString(1, tableName);
      s.setInt(2, ++ordinal);
      s.setString(3, metric == null ? null : metric.column());
      s.setString(4, entry.getKey());
      s.setDouble(5, factors.factor());
      s.setObject(6, factors.percentFactor());
      s.setObject(7, metric == null ? null : metric.constantValue());
      s.setString(8, metric == null ? null : metric.unit());
      Kpi kpi = units.kpi(source, entry.getKey());
      Kpi.ValidRange range = kpi == null ? null : kpi.validRange();
      s.setObject(9, range == null ? null : range.min());
      s.setObject(10, range == null ? null : range.max());
      s.setString(11, kpi == null ? null : kpi.name());
      s.setString(12, kpi == null ? null : kpi.unit());
      s.setObject(13, kpi == null ? null : kpi.target());
      s.addBatch();
    }
  }
}
