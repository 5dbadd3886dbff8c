package org.plumbline.reconcile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.plumbline.governance.GovernanceLoader;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.ingest.FileLoader;
import org.plumbline.ingest.FileOutcome;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.Warehouse;

/**
 * A small warehouse for finding tests: a DuckDB file with the real ledger, a purpose-built
 * governance model, deliveries written as CSV files and loaded by the real loader, and the
 * real reconciliation. Public so that report tests can render a PDF from a real reconciliation.
 */
public final class FindingFixture implements AutoCloseable {

  /**
   * Production reports units and inspection weekly in a CSV (due 7 days after each month at
   * 17:00 Berlin time); the MES measures inspection on critical parts daily. POL-INSP-001
   * demands 100% until the end of June 2025 and 95% from July (version 2).
   */
  public static final String GOVERNANCE = """
      departments:
        - code: PROD
          name: Production
          local_kpi_names:
            "Units": units_produced
            "Inspected %": inspection_coverage
      roles:
        - { id: head_of_quality, title: Head of Quality, department: PROD, can_pause_process: true }
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

  /**
   * An incentive scheme and a tension to append to {@code GOVERNANCE}: the head of quality, who owns
   * POL-INSP-001, is paid on units alone while inspecting takes time from production, an incentive
   * conflict.
   */
  public static final String UNITS_BONUS = """
      incentives:
        - { id: INC-PROD-2025, role: head_of_quality, period: quarter, weights: { units_produced: 1.0 },
            effective_from: 2025-01-01 }
      tensions:
        - { id: TEN-UNITS-INSPECTION, kpis: [units_produced, inspection_coverage],
            explanation: Inspecting takes time from production. }
      """;

  /** {@code GOVERNANCE} compared and judged per month rather than per ISO week. */
  public static final String MONTH_GRAIN = GOVERNANCE.replace(FindingFixture.CALENDAR,
      "- { id: DE10, timezone: Europe/Berlin, common_grain: month }");

  /** Production's monthly file beside its weekly sheet: the same two KPIs, a month dated by any of its days. */
  public static final String MONTHLY_FILE = """
      sources:
        - id: prod_monthly
          department: PROD
          kind: self_reported
          format: csv
          files: "monthly_*.csv"
          csv: { delimiter: ",", decimal: ".", date_format: "%Y-%m-%d" }
          period: { column: Month, grain: month }
          metrics:
            - { column: Units }
            - { column: Inspected % }
      """;

  public static final List<String> MONTH_HEADER = List.of("Month", "Units", "Inspected %");

  static final List<String> PROD_HEADER = List.of("Week", "Units", "Inspected %");
  public static final List<String> MES_HEADER = List.of("day", "class", "produced", "inspected");

  private final Warehouse warehouse;
  private final Connection duckdb;
  private final Path governanceDir;
  private final PlumblineHome home;

  private FindingFixture(Warehouse warehouse, Path governanceDir, PlumblineHome home) {
    this.warehouse = warehouse;
    this.duckdb = warehouse.connection();
    this.governanceDir = governanceDir;
    this.home = home;
  }

  /** The fixture's model, with {@code extraYaml} (deviations, other sources…) in a file of its own. */
  static FindingFixture create(Path folder, String extraYaml) throws IOException, SQLException {
    return create(folder, GOVERNANCE, extraYaml);
  }

  /** A fixture with a model of the test's own ({@code GOVERNANCE} edited, or written whole). */
  public static FindingFixture create(Path folder, String modelYaml, String extraYaml) throws IOException, SQLException {
    Path governance = Files.createDirectories(folder.resolve("governance"));
    Files.writeString(governance.resolve("model.yml"), modelYaml);
    if (!extraYaml.isBlank()) {
      Files.writeString(governance.resolve("extra.yml"), extraYaml);
    }
    PlumblineHome home = new PlumblineHome(folder.resolve("home")).createFolders();
    Warehouse warehouse = Warehouse.open(home.warehouseFile(), "1GB", 2);
    return new FindingFixture(warehouse, governance, home);
  }

  /**
   * A file delivered to the inbox and loaded by the real loader: written as CSV with the
   * header and rows given, arriving at {@code receivedAtUtc}.
   */
  public FindingFixture deliver(String sourceId, String fileName, LocalDateTime receivedAtUtc, List<String> header,
      List<List<String>> rows) throws SQLException {
    List<String> lines = new ArrayList<>();
    lines.add(csvLine(header));
    rows.forEach(row -> lines.add(csvLine(row)));
    return deliver(fileName, receivedAtUtc, String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8));
  }

  /** A file of the test's own making (a workbook) delivered and loaded, arriving at {@code receivedAtUtc}. */
  public FindingFixture deliver(String fileName, LocalDateTime receivedAtUtc, byte[] content) throws SQLException {
    try {
      Path file = home.inbox().resolve(fileName);
      Files.write(file, content);
      Files.setLastModifiedTime(file, FileTime.from(receivedAtUtc.toInstant(ZoneOffset.UTC)));
      FileOutcome outcome = new FileLoader(duckdb, home, model(), Clock.systemUTC()).load(file, null);
      // The same bytes sent again are a recorded no-op, as in production; anything else must load.
      if (outcome.kind() != FileOutcome.Kind.LOADED && outcome.kind() != FileOutcome.Kind.DUPLICATE) {
        throw new IllegalStateException("The fixture file " + fileName + " did not load: " + outcome);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  private static String csvLine(List<String> fields) {
    return String.join(",", fields.stream()
        .map(f -> f.contains(",") || f.contains("\"") ? "\"" + f.replace("\"", "\"\"") + "\"" : f)
        .toList());
  }

  /** Production's weekly rows: week start, units, inspected %. */
  public FindingFixture prodSheet(String fileName, LocalDateTime receivedAtUtc, List<List<String>> rows) throws SQLException {
    return deliver("prod_sheet", fileName, receivedAtUtc, PROD_HEADER, rows);
  }

  /** Production's monthly rows: month, units, inspected %. */
  public FindingFixture monthlyFile(String fileName, LocalDateTime receivedAtUtc, List<List<String>> rows) throws SQLException {
    return deliver("prod_monthly", fileName, receivedAtUtc, MONTH_HEADER, rows);
  }

  /** One MES day of critical parts: produced and inspected units. */
  public FindingFixture mesDay(String day, int produced, int inspected) throws SQLException {
    LocalDateTime received = LocalDate.parse(day).plusDays(1).atTime(2, 0);
    return deliver("mes", "mes_" + day + ".csv", received, MES_HEADER,
        List.of(List.of(day, "CRITICAL", Integer.toString(produced), Integer.toString(inspected))));
  }

  /** The calendar line of {@code GOVERNANCE}, for tests that replace it. */
  public static final String CALENDAR = "- { id: DE10, timezone: Europe/Berlin, common_grain: week }";

  GovernanceModel model() {
    return new GovernanceLoader().load(governanceDir);
  }

  /** Reconciles as of the date, as the nightly job's reconcile step does. */
  public FindingFixture reconcile(String asOf) throws SQLException {
    ReconcileTasklet.rebuild(duckdb, model(), LocalDate.parse(asOf), "Fixture GmbH", null);
    return this;
  }

  public Connection connection() {
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
  public void close() {
    warehouse.close();
  }
}
