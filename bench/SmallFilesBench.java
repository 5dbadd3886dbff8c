import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.plumbline.bench.IngestBenchmark;
import org.plumbline.governance.GovernanceLoader;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.ingest.FileLoader;
import org.plumbline.system.ExampleConfig;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.Warehouse;

/**
 * What a file costs the loader beyond its rows: N small CSV files (a long MES export of R rows
 * each, distinct contents) loaded one after another into one warehouse, as a nightly run with
 * many departmental files does; the first 10 warm the JVM and are not counted. Prints wall and
 * process CPU per file. Run by bench/small-files.sh; figures go to bench/RESULTS.md.
 */
public class SmallFilesBench {
  private static final int WARM_UP_FILES = 10;

  public static void main(String[] a) throws Exception {
    int files = a.length > 0 ? Integer.parseInt(a[0]) : 110;
    int rows = a.length > 1 ? Integer.parseInt(a[1]) : 200;
    Path root = Files.createTempDirectory("plumbline-small-files");
    PlumblineHome home = new PlumblineHome(root);
    ExampleConfig.writeIfAbsent(home);
    Path sources = home.governance().resolve("sources.yml");
    Files.writeString(sources, Files.readString(sources) + IngestBenchmark.CSV_SOURCE);
    Files.createDirectories(home.inbox());
    GovernanceModel model = new GovernanceLoader().load(home.governance());
    try (Warehouse w = Warehouse.open(home.warehouseFile(), "2GB", 2)) {
      FileLoader loader = new FileLoader(w.connection(), home, model, Clock.systemUTC());
      long wall = 0;
      long cpu = 0;
      for (int f = 0; f < files; f++) {
        Path p = home.inbox().resolve("bench_" + f + ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(p)) {
          out.write("day,part_no,lot_id,metric,value,unit,line,note\n");
          for (int i = 0; i < rows; i++) {
            out.write("2025-01-" + (10 + i % 20) + ",V-" + (100 + i % 37) + ",L" + f + ",produced_units," + (i % 997)
                + ",pcs,L1,\n");
          }
        }
        long started = System.nanoTime();
        long cpuBefore = cpuNanos();
        loader.load(p, null);
        if (f >= WARM_UP_FILES) {
          wall += System.nanoTime() - started;
          cpu += cpuNanos() - cpuBefore;
        }
      }
      int counted = files - WARM_UP_FILES;
      System.out.printf("%d files of %d rows (after %d warm-up): %.1f ms wall, %.1f ms CPU a file%n", counted, rows,
          WARM_UP_FILES, wall / 1e6 / counted, cpu / 1e6 / counted);
    } finally {
      try (var all = Files.walk(root)) {
        all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
