package org.plumbline.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.plumbline.system.SqlScript;

/**
 * Exports the warehouse's facts and findings as a Parquet lake that any engine reads:
 * {@code lake/<table>/period=<yyyy-mm>/data.parquet}, Hive-partitioned by the month the rows
 * count in (a week by its Thursday). Each partition is written beside the lake and swapped in
 * whole, so re-exporting a period replaces that partition only and a reader never sees a
 * half-written one. A partition of an exported period that no longer has rows (its findings
 * resolved, or its weeks now counted in the next month) is removed, so no row is left in two.
 */
public final class LakeExporter {

  private final Connection warehouse;
  private final Path lake;

  public LakeExporter(Connection warehouse, Path lake) {
    this.warehouse = warehouse;
    this.lake = lake;
  }

  /** The lake's tables, in the order sql/lake/tables.txt lists them. */
  public static List<String> tables() {
    return SqlScript.text("sql/lake/tables.txt").lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  /**
   * Exports every table's partitions for the given periods, or for every period when
   * {@code periods} is empty. Returns the number of partitions written.
   */
  public int export(Set<String> periods) throws SQLException {
    int written = 0;
    for (String table : tables()) {
      SqlScript.execute(warehouse, "sql/lake/" + table + ".sql");
      List<String> current = periodsOf(table, periods);
      for (String period : current) {
        writePartition(table, period);
        written++;
      }
      removeEmptied(table, periods, current);
    }
    try (Statement s = warehouse.createStatement()) {
      s.execute("drop table if exists lake_rows");
    }
    return written;
  }

  private List<String> periodsOf(String table, Set<String> wanted) throws SQLException {
    List<String> periods = new ArrayList<>();
    try (Statement s = warehouse.createStatement();
        ResultSet r = s.executeQuery("select distinct period from lake_rows where period is not null order by 1")) {
      while (r.next()) {
        if (wanted.isEmpty() || wanted.contains(r.getString(1))) {
          periods.add(r.getString(1));
        }
      }
    }
    return periods;
  }

  private void writePartition(String table, String period) throws SQLException {
    Path target = lake.resolve(table).resolve("period=" + period);
    Path staged = lake.resolve(".staging").resolve(table).resolve("period=" + period);
    try {
      deleteTree(staged);
      Files.createDirectories(staged);
      try (PreparedStatement copy = warehouse.prepareStatement(SqlScript.text("sql/lake/export_partition.sql"))) {
        copy.setString(1, period);
        copy.setString(2, staged.resolve("data.parquet").toString());
        copy.execute();
      }
      swapIn(staged, target);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the lake partition " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * Removes the table's partitions that were exported (every one when {@code wanted} is empty)
   * but have no rows any more: moved aside first, so a reader sees the whole partition or none.
   */
  private void removeEmptied(String table, Set<String> wanted, List<String> current) {
    Path folder = lake.resolve(table);
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> partitions = Files.list(folder)) {
      for (Path partition : partitions.toList()) {
        String name = partition.getFileName().toString();
        if (!Files.isDirectory(partition) || !name.startsWith("period=") || name.endsWith(".old")) {
          continue;
        }
        String period = name.substring("period=".length());
        if ((wanted.isEmpty() || wanted.contains(period)) && !current.contains(period)) {
          Path old = partition.resolveSibling(name + ".old");
          deleteTree(old);
          Files.move(partition, old, StandardCopyOption.ATOMIC_MOVE);
          deleteTree(old);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not remove an emptied partition of the lake table " + folder
          + ": " + e.getMessage(), e);
    }
  }

  /** Replaces the partition folder: the old one moves aside, the new one moves in, the old goes. */
  private static void swapIn(Path staged, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    Path old = target.resolveSibling(target.getFileName() + ".old");
    deleteTree(old);
    if (Files.exists(target)) {
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
    deleteTree(old);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
