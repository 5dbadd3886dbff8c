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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /** A snapshot's name: the run it was published by, and the erasure it was republished after. */
  private static final Pattern SNAPSHOT = Pattern.compile("plumbline-(\\d+)(?:-erasure-(\\d+))?\\.duckdb");

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
    return publish("plumbline-" + run + ".duckdb");
  }

  /**
   * Publishes a snapshot after an erasure, between runs: named after the last run and the
   * erasure ({@code plumbline-<run>-erasure-<id>.duckdb}), so it sorts after that run's.
   */
  public Path publishAfterErasure(long erasureId) throws SQLException, IOException {
    Path current = current(home);
    long run = current == null ? 0 : runOf(current);
    return publish("plumbline-" + run + "-erasure-" + erasureId + ".duckdb");
  }

  /** The published snapshots, newest first. */
  public static List<Path> snapshots(PlumblineHome home) throws IOException {
    if (!Files.isDirectory(home.published())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(home.published())) {
      return files.filter(p -> SNAPSHOT.matcher(p.getFileName().toString()).matches())
          .sorted(Comparator.comparingLong(SnapshotPublisher::runOf).thenComparingLong(SnapshotPublisher::erasureOf)
              .reversed())
          .toList();
    }
  }

  private Path publish(String name) throws SQLException, IOException {
    Files.createDirectories(home.published());
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
    List<Path> snapshots = snapshots(home);
    for (Path old : snapshots.subList(Math.min(KEEP, snapshots.size()), snapshots.size())) {
      Files.deleteIfExists(old);
    }
  }

  private static long runOf(Path p) {
    Matcher m = SNAPSHOT.matcher(p.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : 0;
  }

  private static long erasureOf(Path p) {
    Matcher m = SNAPSHOT.matcher(p.getFileName().toString());
    return m.matches() && m.group(2) != null ? Long.parseLong(m.group(2)) : 0;
  }

  /** A file path as a SQL string literal: ATTACH takes no bound parameter for its path. */
  static String quotedLiteral(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
