import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.plumbline.bench.IngestBenchmark;

/**
 * Where the CSV load's floor is: each statement a loader keeping every field's text and line
 * number could be built from, timed alone (wall and process CPU) on the ingest benchmark's file
 * (written by IngestBenchmark's own generator: a long MES export, 8 columns), beside DuckDB's
 * typed read_csv into a table, in a fresh DuckDB file with 2 threads. Run by bench/csv-floor.sh; figures go to
 * bench/RESULTS.md ("where the CSV floor is").
 */
public class CsvFloorBench {

  private static final String TEXT = "read_csv(?, all_varchar = true, header = true, delim = ',', quote = '\"',"
      + " escape = '\"', strict_mode = true, null_padding = false)";

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
    Path work = Files.createTempDirectory("plumbline-csv-floor");
    Path csv = work.resolve("bench_data.csv");
    Path db = work.resolve("floor.duckdb");
    try {
      IngestBenchmark.writeCsv(csv, rows);
      System.out.printf("%,d rows x 8 columns, %,d MB; load average %s%n", rows, Files.size(csv) >> 20,
          Files.readString(Path.of("/proc/loadavg")).strip());
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement s = c.createStatement()) {
        s.execute("set threads = 2");
        s.execute("set memory_limit = '2GB'");
        time(c, csv, "baseline: typed read_csv into a table", "create table base as select * from read_csv(?)");
        time(c, csv, "every field as text into a temp table (numbered by rowid)",
            "create temp table flat as select * from " + TEXT);
        time(c, csv, "the temp table into a persistent table, 8 text columns",
            "create table copy8 as select * from flat");
        time(c, csv, "the temp table into a persistent table as (load, row number, field list)",
            "create table rec as select 1::bigint as load_id, '' as sheet_name, (rowid + 2)::integer as row_number,"
                + " list_value(*columns(*)) as fields from flat");
        time(c, csv, "the same plus metric, period, value and problem typed in the same insert",
            "create table rec_typed as select 1::bigint as load_id, (rowid + 2)::integer as row_number,"
                + " list_value(*columns(*)) as fields, trim(metric) as metric_name, try_cast(day as date) as period_date,"
                + " try_cast(trim(value) as double) as value, case when try_cast(day as date) is null then 'period'"
                + " when try_cast(trim(value) as double) is null then 'value' end as problem from flat");
        time(c, csv, "text straight into a persistent table, records not numbered",
            "create table direct as select * from " + TEXT);
        time(c, csv, "numbered without a temp table: row_number() over ()",
            "create table numbered as select row_number() over () as row_number, * from " + TEXT);
        time(c, csv, "numbered without a temp table: positional join with range()",
            "create table by_position as select r.range as row_number, t.* from " + TEXT + " as t positional join range("
                + rows + ") as r");
      }
    } finally {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void time(Connection c, Path csv, String what, String sql) throws Exception {
    long wall = System.nanoTime();
    long cpu = cpuNanos();
    try (var p = c.prepareStatement(sql)) {
      if (sql.contains("?")) {
        p.setString(1, csv.toString());
      }
      p.execute();
    }
    System.out.printf("%6.2f s wall %6.2f s CPU  %s%n", (System.nanoTime() - wall) / 1e9, (cpuNanos() - cpu) / 1e9, what);
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
