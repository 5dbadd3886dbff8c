import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a Plumbline home for the full-job benchmark (bench/fulljob.sh): a governance model
 * with D departments and, in the inbox, CSV files the loader reads as it reads any delivery.
 *
 * <p>Each department has its own MES-like export (daily, per part, produced and inspected
 * units of critical and standard parts, four years, at most 1,000,000 rows a file) measuring its
 * own inspection-coverage KPI, and its own weekly self-reported sheet (one file a year) naming
 * that KPI in its local words. The fact rows are split evenly over the departments, so the
 * total stays N whatever D is. The CSV files are written by DuckDB's COPY (set-based, fast).
 *
 * <p>Usage: {@code java -cp <duckdb jar> bench/FullJobInputs.java HOME ROWS DEPARTMENTS}
 */
public class FullJobInputs {

  static final long ROWS_PER_FILE = 1_000_000;

  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]);
    long rows = Long.parseLong(args[1].replace("_", ""));
    int departments = Integer.parseInt(args[2]);
    Path inbox = Files.createDirectories(home.resolve("inbox"));
    Path governance = Files.createDirectories(home.resolve("config/governance"));
    Files.writeString(home.resolve("config/application.yml"), """
        plumbline:
          company: Bench GmbH
          warehouse:
            memory-limit: 8GB
            threads: 2
          report:
            paper: A4
            language: en
            period: quarter
        """);
    Files.writeString(governance.resolve("model.yml"), model(departments));
    long files = 0;
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement s = duckdb.createStatement()) {
        s.execute("set threads = 2");
        s.execute("set preserve_insertion_order = true");
      }
      for (int d = 0; d < departments; d++) {
        long first = rows * d / departments;
        long perDepartment = rows * (d + 1) / departments - first;
        for (long start = 0, part = 1; start < perDepartment; start += ROWS_PER_FILE, part++) {
          long count = Math.min(ROWS_PER_FILE, perDepartment - start);
          copy(duckdb, """
              copy (select strftime(date '2020-01-01' + ((i * 1461) // $1)::integer, '%Y-%m-%d') as day,
                           case when i % 2 = 0 then 'CRITICAL' else 'STANDARD' end as class,
                           'P' || (i % 500) as part, 100 as produced,
                           case when hash(i + $4) % 1000 = 0 then 80 else 100 end as inspected
                    from range($2, $3) as t(i)) to '@FILE@' (header, delimiter ',')
              """.replace("@FILE@", inbox.resolve("mes_" + code(d) + "_" + part + ".csv").toString()),
              perDepartment, start, start + count, first);
          delivered(inbox.resolve("mes_" + code(d) + "_" + part + ".csv"), "2024-01-02");
          files++;
        }
        for (int year = 2020; year <= 2023; year++) {
          copy(duckdb, """
              copy (select strftime(w, '%Y-%m-%d') as "Week",
                           case when day(w) <= 7 then '100' else '99' end as "Inspected %",
                           '7' as "Mood index", '@DEPT@' as "Department"
                    from range(date '2019-12-30', date '2024-01-01', interval 7 day) as t(w)
                    where year(w + interval 3 day) = $1) to '@FILE@' (header, delimiter ',')
              """.replace("@DEPT@", code(d)).replace("@FILE@", inbox.resolve("sheet_" + code(d) + "_" + year + ".csv").toString()), year);
          delivered(inbox.resolve("sheet_" + code(d) + "_" + year + ".csv"), (year + 1) + "-01-10");
          files++;
        }
      }
    }
    System.out.printf("%s: %,d fact rows over %d departments in %d inbox files%n", home, rows, departments, files);
  }

  /** The loader takes a file's modification time as when it was received; the run's as-of date is 2024-01-31. */
  private static void delivered(Path file, String day) throws Exception {
    Files.setLastModifiedTime(file, FileTime.from(LocalDate.parse(day).atTime(6, 0).toInstant(ZoneOffset.UTC)));
  }

  private static void copy(Connection duckdb, String sql, long... values) throws Exception {
    try (PreparedStatement s = duckdb.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setLong(i + 1, values[i]);
      }
      s.execute();
    }
  }

  static String code(int department) {
    return "D%03d".formatted(department + 1);
  }

  /** One department, role, KPI, policy (two versions), MES source, sheet source and submission each. */
  static String model(int departments) {
    List<String> depts = new ArrayList<>(), roles = new ArrayList<>(), kpis = new ArrayList<>(),
        policies = new ArrayList<>(), sources = new ArrayList<>(), submissions = new ArrayList<>();
    for (int d = 0; d < departments; d++) {
      String c = code(d), k = "inspection_coverage_" + c.toLowerCase();
      depts.add("""
            - code: %s
              name: Department %s
              local_kpi_names:
                "Inspected %%": %s
          """.formatted(c, c, k));
      roles.add("  - { id: quality_%s, title: Quality lead %s, department: %s, can_pause_process: false }\n"
          .formatted(c, c, c));
      kpis.add("""
            - id: %s
              name: Inspection coverage %s
              dimension: quality
              unit: percent
              direction: higher_is_better
              target: 100
              owner_role: quality_%s
              tolerance: 0.5
              measured_by: { source: mes_%s, numerator: inspected, denominator: produced, scale: 100,
                             filter: { part_class: CRITICAL } }
          """.formatted(k, c, c, c));
      policies.add("""
            - { id: POL-INSP-%s, version: 1, statement: Every critical part is inspected., kpi: %s,
                comparator: ">=", threshold: 100, owner_role: quality_%s, severity: critical,
                effective_from: 2020-01-01, effective_to: 2021-12-31 }
            - { id: POL-INSP-%s, version: 2, statement: 99.5%% of critical parts are inspected., kpi: %s,
                comparator: ">=", threshold: 99.5, owner_role: quality_%s, severity: high, effective_from: 2022-01-01 }
          """.formatted(c, k, c, c, k, c));
      sources.add("""
            - id: sheet_%s
              department: %s
              kind: self_reported
              format: csv
              files: "sheet_%s_*.csv"
              csv: { delimiter: ",", decimal: ".", date_format: "%%Y-%%m-%%d" }
              period: { column: Week, grain: week }
              metrics:
                - { column: Inspected %% }
                - { column: Mood index }
            - id: mes_%s
              system: MES
              department: %s
              kind: system_of_record
              format: csv
              files: "mes_%s_*.csv"
              csv: { delimiter: ",", decimal: ".", date_format: "%%Y-%%m-%%d" }
              period: { column: day, grain: day }
              attributes: { part_id: part, part_class: class }
              metrics:
                - { column: produced, name: produced }
                - { column: inspected, name: inspected }
          """.formatted(c, c, c, c, c, c));
      submissions.add(("  - { id: SUB-%s, source: sheet_%s, department: %s, frequency: quarter,"
          + " due: { days_after_period: 7, at: \"17:00\" }, effective_from: 2020-01-01 }\n").formatted(c, c, c));
    }
    return "# The full-job benchmark's model: " + departments + " departments (bench/FullJobInputs.java).\n"
        + "departments:\n" + String.join("", depts) + "roles:\n" + String.join("", roles)
        + "kpis:\n" + String.join("", kpis) + "policies:\n" + String.join("", policies)
        + "sources:\n" + String.join("", sources) + "submissions:\n" + String.join("", submissions)
        + "calendars:\n  - { id: BENCH, timezone: Europe/Berlin, common_grain: week }\n";
  }
}
