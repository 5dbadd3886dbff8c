package org.plumbline.bench;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.plumbline.governance.GovernanceLoader;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.ingest.FileLoader;
import org.plumbline.ingest.FileOutcome;
import org.plumbline.system.ExampleConfig;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.Warehouse;

/**
 * The ingest benchmark of bench/RESULTS.md: not a test, never run by {@code mvn verify}.
 * Run it as bench/README.md says, with -Xmx256m. Compares the full load (typing, validation,
 * lineage, quarantine, conservation) with DuckDB's bare read_csv and with fastexcel-reader
 * reading the same XLSX without loading.
 */
public final class IngestBenchmark {

  /** The source the benchmark CSV files ({@link #writeCsv}) are read under; the bench/ harnesses use it too. */
  public static final String CSV_SOURCE = """

      - id: bench_csv
        system: MES
        kind: system_of_record
        format: csv
        files: "bench_*.csv"
        csv: { delimiter: "," }
        shape: metric_per_row
        metric_column: metric
        value_column: value
        period: { column: day, grain: day }
        attributes: { part_id: part_no, lot_id: lot_id }
    """;

  private static final String SOURCES = CSV_SOURCE + """

      - id: bench_xlsx
        system: MES
        kind: system_of_record
        format: xlsx
        files: "bench_*.xlsx"
        period: { column: day, grain: day }
        attributes: { part_id: part_no, lot_id: lot_id }
        metrics:
          - { column: produced, name: produced_units }
          - { column: inspected, name: inspected_units }
          - { column: rejected, name: rejected_units }
    """;

  public static void main(String[] args) throws Exception {
    int csvRows = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
    int xlsxRows = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    Path work = Files.createTempDirectory("plumbline-bench");
    try {
      run(work, csvRows, xlsxRows);
    } finally {
      // Each run writes ~600 MB (the CSV, two warehouses); a shared machine keeps none of it.
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Rounds of the XLSX comparison: the first in the JVM runs cold (JIT); the median of seven is mostly warm rounds. */
  private static final int XLSX_ROUNDS = 7;

  private static void run(Path work, int csvRows, int xlsxRows) throws Exception {
    Path csv = work.resolve("bench_data.csv");
    writeCsv(csv, csvRows);
    System.out.printf("CSV %,d rows x 8 columns, %,d MB; XLSX %,d rows x 8 columns, %d rounds%n", csvRows,
        Files.size(csv) >> 20, xlsxRows, XLSX_ROUNDS);

    System.out.println("  load average at start: " + loadAverage());
    double bare = bareReadCsv(work.resolve("bare.duckdb"), csv, "read_csv(?)");
    // For scale, not the target: the same file stored as text, which is what keeping each
    // field's raw text beside its typed value costs before any typing (bench/RESULTS.md).
    double bareText = bareReadCsv(work.resolve("bare-text.duckdb"), csv, "read_csv(?, all_varchar = true)");
    PlumblineHome home = home(work.resolve("home"));
    GovernanceModel model = new GovernanceLoader().load(home.governance());
    try (Warehouse warehouse = Warehouse.open(home.warehouseFile(), "2GB", 2)) {
      FileLoader loader = new FileLoader(warehouse.connection(), home, model, Clock.systemUTC());
      double csvLoad = load(loader, home, csv);
      System.out.printf("CSV   DuckDB read_csv into a table: %6.2f s (%,.0f rows/s)%n", bare, csvRows / bare);
      System.out.printf("CSV   (for scale) read_csv(all_varchar) into a table: %6.2f s; the load at %.2fx its throughput%n",
          bareText, bareText / csvLoad);
      System.out.printf("CSV   Plumbline load:               %6.2f s (%,.0f rows/s), %.2fx read_csv's throughput%n",
          csvLoad, csvRows / csvLoad, bare / csvLoad);
      // Alternating bare read and load, each round on a file of its own (the loader would take
      // the same bytes again as a duplicate): both sides get the same share of a warm JVM.
      double[] ratios = new double[XLSX_ROUNDS];
      for (int round = 0; round < XLSX_ROUNDS; round++) {
        Path xlsx = work.resolve("bench_data_" + round + ".xlsx");
        writeXlsx(xlsx, xlsxRows + round);
        double xlsxBare = bareReadXlsx(xlsx);
        double xlsxLoad = load(loader, home, xlsx);
        ratios[round] = xlsxLoad / xlsxBare;
        System.out.printf("XLSX  round %d: fastexcel-reader read only %6.2f s, Plumbline load %6.2f s: %.2fx the bare read's time%n",
            round + 1, xlsxBare, xlsxLoad, ratios[round]);
      }
      java.util.Arrays.sort(ratios);
      System.out.printf("XLSX  median of %d rounds: %.2fx the bare read's time%n", XLSX_ROUNDS, ratios[XLSX_ROUNDS / 2]);
    }
    System.out.println("  load average at end: " + loadAverage());
    long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    System.out.printf("Heap: max %,d MB, peak used (sum of pools' peaks) %,d MB%n",
        Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
  }

  /** The machine's 1, 5 and 15 minute load averages (2 cores: 2.0 is full), or why there are none. */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  /** CPU time of the whole process (DuckDB's native threads included): steadier than wall time on a shared machine. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static PlumblineHome home(Path root) throws Exception {
    PlumblineHome home = new PlumblineHome(root);
    ExampleConfig.writeIfAbsent(home);
    Path sources = home.governance().resolve("sources.yml");
    Files.writeString(sources, Files.readString(sources) + SOURCES);
    Files.createDirectories(home.inbox());
    return home;
  }

  private static double load(FileLoader loader, PlumblineHome home, Path file) throws Exception {
    Path delivered = home.inbox().resolve(file.getFileName());
    Files.copy(file, delivered);
    long start = System.nanoTime();
    long cpu = cpuNanos();
    FileOutcome outcome = loader.load(delivered, null);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("  %s%n  (%.2f s of CPU)%n", outcome, (cpuNanos() - cpu) / 1e9);
    return seconds;
  }

  private static double bareReadCsv(Path db, Path csv, String read) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement s = c.createStatement()) {
      s.execute("set threads = 2");
      s.execute("set memory_limit = '2GB'");
      long start = System.nanoTime();
      long cpu = cpuNanos();
      try (PreparedStatement p = c.prepareStatement("create table t as select * from " + read)) {
        p.setString(1, csv.toString());
        p.execute();
      }
      System.out.printf("  %s into a table: %.2f s of CPU%n", read, (cpuNanos() - cpu) / 1e9);
      return (System.nanoTime() - start) / 1e9;
    }
  }

  private static double bareReadXlsx(Path xlsx) throws Exception {
    long start = System.nanoTime();
    long cpu = cpuNanos();
    long cells = 0;
    try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile());
        Stream<Row> rows = wb.getFirstSheet().openStream()) {
      for (Iterator<Row> it = rows.iterator(); it.hasNext(); ) {
        Row row = it.next();
        for (int c = 0; c < row.getCellCount(); c++) {
          if (row.getCell(c) != null && row.getCell(c).getRawValue() != null) {
            cells++;
          }
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("  fastexcel-reader read %,d cells (%.2f s of CPU)%n", cells, (cpuNanos() - cpu) / 1e9);
    return seconds;
  }

  /** The benchmark's CSV file: a long MES export, 8 columns, one value per row; bench/CsvFloorBench.java reads it too. */
  public static void writeCsv(Path file, int rows) throws Exception {
    String[] metrics = {"produced_units", "inspected_units", "rejected_units", "rework_minutes"};
    LocalDate first = LocalDate.of(2025, 1, 1);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("day,part_no,lot_id,metric,value,unit,line,note\n");
      for (int i = 0; i < rows; i++) {
        out.write(first.plusDays(i % 365).toString());
        out.write(",V-");
        out.write(Integer.toString(100 + i % 37));
        out.write(",L");
        out.write(Integer.toString(i / 50));
        out.write(',');
        out.write(metrics[i % 4]);
        out.write(',');
        out.write(Integer.toString(i % 997));
        out.write(i % 4 == 3 ? ",min,L" : ",pcs,L");
        out.write(Integer.toString(i % 3));
        out.write(i % 1000 == 0 ? ",\"checked, ok\"\n" : ",\n");
      }
    }
  }

  private static void writeXlsx(Path file, int rows) throws Exception {
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(out, "bench", "1.0");
      Worksheet ws = wb.newWorksheet("Lots");
      String[] header = {"day", "part_no", "lot_id", "produced", "inspected", "rejected", "line", "note"};
      for (int c = 0; c < header.length; c++) {
        ws.value(0, c, header[c]);
      }
      LocalDate first = LocalDate.of(2025, 1, 1);
      for (int i = 1; i <= rows; i++) {
        ws.value(i, 0, first.plusDays(i % 365));
        ws.style(i, 0).format("yyyy-mm-dd").set();
        ws.value(i, 1, "V-" + (100 + i % 37));
        ws.value(i, 2, "L" + i / 50);
        ws.value(i, 3, 100 + i % 50);
        ws.value(i, 4, 90 + i % 10);
        ws.value(i, 5, i % 7);
        ws.value(i, 6, "L" + i % 3);
        ws.value(i, 7, i % 1000 == 0 ? "checked" : "");
        if (i % 10_000 == 0) {
          ws.flush();
        }
      }
      wb.finish();
    }
  }
}
