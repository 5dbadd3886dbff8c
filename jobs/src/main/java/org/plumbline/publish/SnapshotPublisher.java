package org.plumbline.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.SqlScript;

/**
 * Publishes the analysts' read-only snapshot: a new file per run, written beside the others
 * and named in {@code CURRENT} once it is whole. A file is never changed after it is
 * published, so an analyst who has one open keeps a consistent view until they reconnect,
 * and nothing is renamed over a file someone may hold open (which Windows shares forbid).
 */
public final class SnapshotPublisher {

  /**
   * The on-disk format of snapshots. The working file uses DuckDB 2.0's newest format, which
   * DuckDB 1.x cannot open; snapshots are written in the 1.1 format, which DuckDB 1.1 and
   * every later version opens (tested with 1.1.3, 1.4.3 and 2.0).
   */
  public static final String STORAGE_VERSION = "v1.1.0";

  static final int KEEP = 5;
  static final String CURRENT = "CURRENT";

  private final PlumblineHome home;
  private final Connection warehouse;

  public SnapshotPublisher(PlumblineHome home, Connection warehouse) {
    this.home = home;
    this.warehouse = warehouse;
  }

  /**
   * Publishes the snapshot of run {@code run} and returns its path. The warehouse is first
   * copied to a staging file beside it and masked there (confidential columns, incentive
   * schemes); the snapshot is then written from the masked copy, so the text that masking
   * replaced never reaches the analysts' file, not even in blocks a later update freed.
   */
  public Path publish(long run) throws SQLException, IOException {
    Files.createDirectories(home.published());
    String name = "plumbline-" + run + ".duckdb";
    Path partial = home.published().resolve(name + ".partial");
    Path staging = stagingFile();
    deleteDatabaseFile(partial);
    deleteDatabaseFile(staging);
    try (Statement s = warehouse.createStatement()) {
      s.execute("attach " + quotedLiteral(staging.toString()) + " as snapshot_staging");
      try {
        SqlScript.execute(warehouse, "sql/publish/stage_snapshot.sql");
        SqlScript.execute(warehouse, "sql/publish/mask_snapshot.sql");
        s.execute("attach " + quotedLiteral(partial.toString()) + " as analysts_snapshot (storage_version '"
            + STORAGE_VERSION + "')");
        try {
          SqlScript.execute(warehouse, "sql/publish/copy_to_snapshot.sql");
        } finally {
          s.execute("detach analysts_snapshot");
        }
      } finally {
        s.execute("detach snapshot_staging");
        deleteDatabaseFile(staging);
      }
    }
    Path target = home.published().resolve(name);
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    pointCurrentAt(name);
    pruneOldSnapshots();
    return target;
  }

  /** The unmasked copy lives beside the working file, where only operators may read. */
  private Path stagingFile() {
    return home.warehouseFile().resolveSibling("snapshot-staging.duckdb");
  }

  private static void deleteDatabaseFile(Path file) throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".wal"));
  }

  /** The snapshot {@code CURRENT} names, or null before the first publication. */
  public static Path current(PlumblineHome home) throws IOException {
    Path pointer = home.published().resolve(CURRENT);
    return Files.exists(pointer) ? home.published().resolve(Files.readString(pointer).strip()) : null;
  }

  private void pointCurrentAt(String name) throws IOException {
    Path partial = home.published().resolve(CURRENT + ".partial");
    Files.writeString(partial, name + System.lineSeparator(), StandardCharsets.UTF_8);
    Files.move(partial, home.published().resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  private void pruneOldSnapshots() throws IOException {
    List<Path> snapshots;
    try (Stream<Path> files = Files.list(home.published())) {
      snapshots = files.filter(p -> p.getFileName().toString().matches("plumbline-\\d+\\.duckdb"))
          .sorted(Comparator.comparingLong(SnapshotPublisher::runOf).reversed())
          .toList();
    }
    for (Path old : snapshots.subList(Math.min(KEEP, snapshots.size()), snapshots.size())) {
      Files.deleteIfExists(old);
    }
  }

  private static long runOf(Path p) {
    String n = p.getFileName().toString();
    return Long.parseLong(n.substring("plumbline-".length(), n.length() - ".duckdb".length()));
  }

  /** A file path as a SQL string literal: ATTACH takes no bound parameter for its path. */
  static String quotedLiteral(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
