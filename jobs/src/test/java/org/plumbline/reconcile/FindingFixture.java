package org.plumbline.reconcile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.plumbline.governance.GovernanceLoader;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.system.SqlScript;

/**
 * A small warehouse for finding tests: an in-memory DuckDB with the real ledger schema, a
 * purpose-built governance model, deliveries written straight into the ledger as the loader
 * would (one load_audit row, the header, the rows' raw text), and the real reconciliation.
 */
final class FindingFixture implements AutoCloseable {

  /**
   * Production reports units and inspection weekly in a CSV (due 7 days after each month at
   * 17:00 Berlin time); the MES measures inspection on critical parts daily. POL-INSP-001
   * demands 100% until the end of June 2025 and 95% from July (version 2).
   */
  static final String GOVERNANCE = """
      departments:
        - code: PROD
          name: Production
          local_kpi_names:
            "Units": units_produced
            "Inspected %": inspection_coverage
      roles:
        - { id: head_of_quality, title: Head of Quality, department: PROD, can_pause_process: false }
      kpis:
        - id: inspection_coverage
          name: Inspection coverage
          dimension: quality
          unit: percent
          direction: higher_is_better
          target: 100
          owner_role: head_of_quality
          tolerance: 0.5
          measured_by:
            source: mes
            numerator: inspected
            denominator: produced
            scale: 100
            filter: { part_class: CRITICAL }
        - id: units_produced
          name: Units produced
          dimension: speed
          unit: units
          direction: higher_is_better
          target: 100
          owner_role: head_of_quality
          tolerance: 0
      policies:
        - id: POL-INSP-001
          version: 1
          statement: Every critical part is inspected.
          kpi: inspection_coverage
          comparator: ">="
          threshold: 100
          owner_role: head_of_quality
          severity: critical
          effective_from: 2025-01-01
          effective_to: 2025-06-30
        - id: POL-INSP-001
          version: 2
          statement: At least 95% of critical parts are inspected.
          kpi: inspection_coverage
          comparator: ">="
          threshold: 95
          owner_role: head_of_quality
          severity: high
          effective_from: 2025-07-01
      sources:
        - id: prod_sheet
          department: PROD
          kind: self_reported
          format: csv
          files: "prod_*.csv"
          csv: { delimiter: ",", decimal: ".", date_format: "%Y-%m-%d" }
          period: { column: Week, grain: week }
          metrics:
            - { column: Units }
            - { column: Inspected % }
        - id: mes
          system: MES
          department: PROD
          kind: system_of_record
          format: csv
          files: "mes_*.csv"
          csv: { delimiter: ",", decimal: ".", date_format: "%Y-%m-%d" }
          period: { column: day, grain: day }
          attributes: { part_class: class }
          metrics:
            - { column: produced, name: produced }
            - { column: inspected, name: inspected }
      submissions:
        - id: SUB-PROD
          source: prod_sheet
          department: PROD
          frequency: month
          due: { days_after_period: 7, at: "17:00" }
          effective_from: 2025-06-01
      calendars:
        - { id: DE10, timezone: Europe/Berlin, common_grain: week }
      """;

  static final List<String> PROD_HEADER = List.of("Week", "Units", "Inspected %");
  static final List<String> MES_HEADER = List.of("day", "class", "produced", "inspected");

  private final Connection duckdb;
  private final Path governanceDir;
  private long nextLoadId = 1;

  private FindingFixture(Connection duckdb, Path governanceDir) {
    this.duckdb = duckdb;
    this.governanceDir = governanceDir;
  }

  /** The fixture's model, with {@code extraYaml} (deviations, other sources…) in a file of its own. */
  static FindingFixture create(Path folder, String extraYaml) throws IOException, SQLException {
    Path governance = Files.createDirectories(folder.resolve("governance"));
    Files.writeString(governance.resolve("model.yml"), GOVERNANCE);
    if (!extraYaml.isBlank()) {
      Files.writeString(governance.resolve("extra.yml"), extraYaml);
    }
    Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
    SqlScript.execute(duckdb, "sql/ledger/V1__ledger.sql");
    SqlScript.execute(duckdb, "sql/ledger/V3__findings_history.sql");
    return new FindingFixture(duckdb, governance);
  }

  /** A file as the loader would have put it in the ledger; rows are the fields' raw text. */
  FindingFixture deliver(String sourceId, String fileName, LocalDateTime receivedAtUtc, List<String> header,
      List<List<String>> rows) throws SQLException {
    long loadId = nextLoadId++;
    try (PreparedStatement audit = duckdb.prepareStatement("insert into load_audit values"
        + " (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, 0, null, 'fixture')")) {
      audit.setLong(1, loadId);
      audit.setString(2, "hash-" + loadId);
      audit.setString(3, sourceId);
      audit.setString(4, fileName);
      audit.setString(5, "archive/" + loadId + "-" + fileName);
      audit.setTimestamp(6, Timestamp.valueOf(receivedAtUtc));
      audit.setTimestamp(7, Timestamp.valueOf(receivedAtUtc));
      audit.setString(8, sourceId + "/" + fileName);
      audit.setLong(9, rows.size());
      audit.setLong(10, rows.size());
      audit.executeUpdate();
    }
    try (PreparedStatement sheet = duckdb.prepareStatement("insert into raw_sheet values (?, 'data', 1, ?)")) {
      sheet.setLong(1, loadId);
      sheet.setArray(2, duckdb.createArrayOf("VARCHAR", header.toArray()));
      sheet.executeUpdate();
    }
    try (PreparedStatement row = duckdb.prepareStatement(
        "insert into raw_row values (?, ?, ?, ?, ?, 'data', ?, false, ?)")) {
      for (int i = 0; i < rows.size(); i++) {
        row.setLong(1, loadId);
        row.setString(2, sourceId);
        row.setString(3, "hash-" + loadId);
        row.setTimestamp(4, Timestamp.valueOf(receivedAtUtc));
        row.setString(5, sourceId + "/" + fileName);
        row.setInt(6, i + 2);
        row.setArray(7, duckdb.createArrayOf("VARCHAR", rows.get(i).toArray()));
        row.addBatch();
      }
      row.executeBatch();
    }
    return this;
  }

  /** Production's weekly rows: week start, units, inspected %. */
  FindingFixture prodSheet(String fileName, LocalDateTime receivedAtUtc, List<List<String>> rows) throws SQLException {
    return deliver("prod_sheet", fileName, receivedAtUtc, PROD_HEADER, rows);
  }

  /** One MES day of critical parts: produced and inspected units. */
  FindingFixture mesDay(String day, int produced, int inspected) throws SQLException {
    LocalDateTime received = LocalDate.parse(day).plusDays(1).atTime(2, 0);
    return deliver("mes", "mes_" + day + ".csv", received, MES_HEADER,
        List.of(List.of(day, "CRITICAL", Integer.toString(produced), Integer.toString(inspected))));
  }

  GovernanceModel model() {
    return new GovernanceLoader().load(governanceDir);
  }

  /** Reconciles as of the date, as the nightly job's reconcile step does. */
  FindingFixture reconcile(String asOf) throws SQLException {
    ReconcileTasklet.rebuild(duckdb, model(), LocalDate.parse(asOf), "Fixture GmbH", null);
    return this;
  }

  Connection connection() {
    return duckdb;
  }

  List<List<Object>> query(String sql) throws SQLException {
    try (Statement s = duckdb.createStatement(); ResultSet r = s.executeQuery(sql)) {
      List<List<Object>> rows = new ArrayList<>();
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(r.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  @Override
  public void close() throws SQLException {
    duckdb.close();
  }
}
