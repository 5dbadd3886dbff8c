import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.plumbline.governance.GovernanceLoader;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.ingest.FileLoader;
import org.plumbline.ingest.FileOutcome;
import org.plumbline.system.ExampleConfig;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.Warehouse;

/**
 * What a large JSON Lines file costs the loader: N records of 6 fields (date, part, lot, an
 * integer qty, a two-decimal scrap, a note), written to a scratch folder, loaded once into a
 * fresh warehouse (2 threads, 2 GB). With "cut" after N, a last line cut off mid-record follows,
 * which DuckDB's reader stops at (the file is then read line by line). Prints wall and process
 * CPU. Run by bench/json-load.sh; figures go to bench/RESULTS.md.
 */
public class JsonLoadBench {

  private static final String SOURCE = """

      - id: bench_json
        system: MES
        kind: system_of_record
        format: json
        files: "bench_*.jsonl"
        period: { column: date, grain: day }
        attributes: { part_id: part, lot_id: lot }
        metrics:
          - { column: qty, name: produced_units }
    """;

  public static void main(String[] a) throws Exception {
    int records = a.length > 0 ? Integer.parseInt(a[0]) : 1_000_000;
    boolean cut = a.length > 1 && a[1].equals("cut");
    Path root = Files.createTempDirectory("plumbline-json-bench");
    PlumblineHome home = new PlumblineHome(root);
    ExampleConfig.writeIfAbsent(home);
    Path sources = home.governance().resolve("sources.yml");
    Files.writeString(sources, Files.readString(sources) + SOURCE);
    Files.createDirectories(home.inbox());
    Path file = home.inbox().resolve("bench_1.jsonl");
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      for (int i = 0; i < records; i++) {
        w.write(String.format("{\"date\":\"2025-%02d-%02d\",\"part\":\"P-%d\",\"lot\":\"L%d\",\"qty\":%d,"
            + "\"scrap\":%d.%02d,\"note\":\"ok %d\"}%n", 1 + i % 12, 1 + i % 28, i % 500, i % 9000, i % 97, i % 10,
            i % 100, i));
      }
      if (cut) { // an export cut off mid-record: DuckDB's reader stops there, and the file is read line by line
        w.write("{\"date\":\"2025-01-01\",\"part\":\"P-1\",\"lo");
      }
    }
    System.out.printf("%,d JSON Lines records x 6 fields, %,d MB; load average %s%n", records, Files.size(file) >> 20,
        Files.readString(Path.of("/proc/loadavg")).strip());
    GovernanceModel model = new GovernanceLoader().load(home.governance());
    try (Warehouse warehouse = Warehouse.open(home.warehouseFile(), "2GB", 2)) {
      FileLoader loader = new FileLoader(warehouse.connection(), home, model, Clock.systemUTC());
      long start = System.nanoTime();
      long cpu = cpuNanos();
      FileOutcome outcome = loader.load(file, null);
      System.out.printf("%s%nload %.2f s wall, %.2f s CPU%n", outcome, (System.nanoTime() - start) / 1e9,
          (cpuNanos() - cpu) / 1e9);
    } finally {
      try (var files = Files.walk(root)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
