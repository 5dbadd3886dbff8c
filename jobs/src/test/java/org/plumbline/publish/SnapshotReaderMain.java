package org.plumbline.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Properties;

/**
 * An analyst's process, run in its own JVM by the tests: opens published snapshots read-only
 * with whatever DuckDB driver is on its class path and prints one line per query:
 * {@code OK <version> <snapshot> <loads> <consistent>} or {@code ERROR <message>}. Uses only
 * java.sql, so it runs against old drivers too.
 *
 * <p>{@code once FILE} reads one snapshot; {@code loop PUBLISHED_DIR STOP_FILE} follows
 * {@code CURRENT} until the stop file appears.
 */
public final class SnapshotReaderMain {

  private static final String QUERY = """
      select version(),
             (select count(*) from load_audit),
             (select count(*) from raw_row where not is_layout)
               = (select coalesce(sum(rows_loaded), 0) from load_audit)
      """;

  public static void main(String[] args) throws Exception {
    if (args[0].equals("once")) {
      System.exit(read(Path.of(args[1])) ? 0 : 1);
    }
    Path published = Path.of(args[1]);
    Path stop = Path.of(args[2]);
    while (!Files.exists(stop)) {
      Path pointer = published.resolve("CURRENT");
      if (Files.exists(pointer)) {
        read(published.resolve(Files.readString(pointer).strip()));
      }
      Thread.sleep(100);
    }
  }

  private static boolean read(Path snapshot) {
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + snapshot, readOnly);
        ResultSet r = c.createStatement().executeQuery(QUERY)) {
      r.next();
      System.out.println("OK " + r.getString(1) + " " + snapshot.getFileName() + " " + r.getLong(2) + " "
          + r.getBoolean(3));
      return true;
    } catch (Exception e) {
      System.out.println("ERROR " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
      return false;
    }
  }
}
