package org.plumbline.erasure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.publish.SnapshotPublisher;
import org.plumbline.reconcile.SqlModels;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.SqlScript;
import org.plumbline.system.Warehouse;

/**
 * Erases one person's data (under every spelling given) from everywhere Plumbline keeps it, and
 * logs that it did: the files kept under the home folder (waiting, archived, rejected, logs, the
 * lake, the outbox) and their names (the ledger's paths follow a renamed file), the ledger's raw
 * text, the job repository, the working file's bytes (rewritten whole), and the published
 * snapshots (a fresh one is published; those still holding the name are removed). Then it
 * looks again everywhere and records in erasure_log.verified whether anything is left.
 *
 * <p>It must hold the warehouse, so it never runs beside a job. Every step searches before it
 * changes anything, so after an interruption running it again finishes the work.
 */
public final class Eraser {

  /**
   * The home's folders whose files are searched and rewritten (the warehouse and snapshots have
   * their own steps). The outbox holds the reports' CSV lists, which can carry quarantined raw
   * text; its PDFs are rendered from the warehouse and never rewritten byte-wise: one whose text
   * names the person is removed (the next run for its as-of date renders it again).
   */
  static final List<String> FILE_FOLDERS = List.of("inbox", "archive", "rejected", "logs", "lake", "outbox");

  /**
   * What an erasure did.
   *
   * @param erasureId the erasure_log row
   * @param erased every place changed or removed
   * @param published the fresh snapshot, or null when nothing needed republishing
   * @param remaining places still holding the name afterwards (empty: erased everywhere)
   */
  public record Result(long erasureId, List<Erased> erased, Path published, List<Erased> remaining) {
    public long occurrences() {
      return erased.stream().mapToLong(Erased::occurrences).sum();
    }
  }

  private final PlumblineHome home;
  private final Supplier<Warehouse> opener;
  private final GovernanceModel model;
  private final JobRepositoryErasure.Target jobRepository;

  /**
   * @param opener opens the working warehouse (it is closed and opened again around the rewrite of its file)
   * @param model the governance model as configured now: its personal columns are searched
   */
  public Eraser(PlumblineHome home, Supplier<Warehouse> opener, GovernanceModel model) {
    this(home, opener, model, null);
  }

  /**
   * @param jobRepository Spring Batch's job repository, searched and rewritten too (null: left alone)
   */
  public Eraser(PlumblineHome home, Supplier<Warehouse> opener, GovernanceModel model,
      JobRepositoryErasure.Target jobRepository) {
    this.home = home;
    this.opener = opener;
    this.model = model;
    this.jobRepository = jobRepository;
  }

  public Result erase(Person person, String requestedBy, String reason) throws IOException, SQLException {
    Warehouse warehouse = opener.get();
    try {
      Connection duckdb = warehouse.connection();
      List<Erased> erased = new ArrayList<>();
      List<Path> staleSnapshots = new ArrayList<>();
      Residue residue = new Residue(duckdb, person);
      for (Path snapshot : SnapshotPublisher.snapshots(home)) {
        long rows = residue.inDatabaseFile(snapshot);
        if (rows > 0) {
          staleSnapshots.add(snapshot);
          erased.add(new Erased(relative(snapshot) + " (removed)", 1, rows));
        }
      }
      // Names first, so that every place logged is named as it is now, never by the name erased.
      List<FileRenaming.Renamed> renamed = renameFiles(person);
      renamed.forEach(r -> erased.add(new Erased(r.to() + " (renamed)", 1, 1)));
      erased.addAll(eraseFiles(person, duckdb));
      JobRepositoryErasure jobs = jobRepository == null ? null : new JobRepositoryErasure(jobRepository, person);
      List<Erased> inJobRepository = jobs == null ? List.of() : jobs.erase();
      erased.addAll(inJobRepository);
      long erasureId = eraseLedgerAndLog(duckdb, person, requestedBy, reason, erased, renamed);
      Path published = null;
      if (!erased.isEmpty()) {
        warehouse = compact(warehouse);
        published = new SnapshotPublisher(home, warehouse.connection()).publishAfterErasure(erasureId);
        for (Path stale : staleSnapshots) {
          Files.deleteIfExists(stale);
        }
      }
      List<Erased> remaining = new ArrayList<>();
      if (jobs != null) {
        remaining.addAll(jobs.remaining());
        if (!inJobRepository.isEmpty() && !jobs.compactH2()) {
          remaining.add(new Erased("job repository file (not compacted: another process such as serve is"
              + " connected; stop it and run erase again)", 1, 0));
        }
      }
      remaining.addAll(new Residue(warehouse.connection(), person).underHome(home.root(), home.warehouseFile()));
      new LedgerErasure(warehouse.connection()).verified(erasureId, remaining.isEmpty());
      return new Result(erasureId, List.copyOf(erased), published, List.copyOf(remaining));
    } finally {
      warehouse.close();
    }
  }

  /** Renames the kept files whose name holds the name, in every folder whose files are erased. */
  private List<FileRenaming.Renamed> renameFiles(Person person) throws IOException {
    FileRenaming renaming = new FileRenaming(home.root(), person);
    List<FileRenaming.Renamed> renamed = new ArrayList<>();
    for (String folder : FILE_FOLDERS) {
      renamed.addAll(renaming.rename(home.root().resolve(folder)));
    }
    return renamed;
  }

  private List<Erased> eraseFiles(Person person, Connection duckdb) throws IOException, SQLException {
    FileErasure files = new FileErasure(person);
    ParquetErasure parquet = new ParquetErasure(duckdb, person);
    List<Erased> erased = new ArrayList<>();
    for (String folder : FILE_FOLDERS) {
      Path root = home.root().resolve(folder);
      if (!Files.isDirectory(root)) {
        continue;
      }
      List<Path> found;
      try (Stream<Path> walk = Files.walk(root)) {
        found = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path file : found) {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
          // A report is rendered from the warehouse, never rewritten byte-wise: one that names the
          // person is removed, and the next run for its as-of date renders it from the erased ledger.
          long inReport = new Residue(duckdb, person).inFile(file);
          if (inReport > 0) {
            Files.delete(file);
            erased.add(new Erased(relative(file) + " (removed; run nightly again for its as-of date)", 1, inReport));
          }
          continue;
        }
        boolean isParquet = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
        long occurrences = isParquet ? parquet.erase(file) : files.erase(file);
        if (occurrences > 0) {
          erased.add(new Erased(relative(file), 1, occurrences));
        }
      }
    }
    return erased;
  }

  /** The ledger changed and the erasure logged in one transaction: both, or neither. */
  private long eraseLedgerAndLog(Connection duckdb, Person person, String requestedBy, String reason,
      List<Erased> erased, List<FileRenaming.Renamed> renamed) throws SQLException {
    duckdb.setAutoCommit(false);
    try {
      LedgerErasure ledger = new LedgerErasure(duckdb);
      erased.addAll(ledger.erase(person, model.confidentialColumns()));
      List<Erased> renamedInLedger = ledger.renameFiles(person, renamed);
      erased.addAll(renamedInLedger);
      if (!renamedInLedger.isEmpty() && reconciled(duckdb)) {
        // File names reach the findings' lineage and the report tables: rebuild them from the
        // erased ledger, as of the last run (run_context), as the nightly job would.
        SqlModels.rebuild(duckdb);
      }
      long erasureId = ledger.log(person, requestedBy, reason, erased);
      duckdb.commit();
      return erasureId;
    } catch (SQLException | RuntimeException e) {
      duckdb.rollback();
      throw e;
    } finally {
      duckdb.setAutoCommit(true);
    }
  }

  private static boolean reconciled(Connection duckdb) throws SQLException {
    try (Statement s = duckdb.createStatement();
        java.sql.ResultSet r = s.executeQuery("select count(*) from duckdb_tables() where table_name = 'run_context'")) {
      r.next();
      return r.getLong(1) > 0;
    }
  }

  /**
   * Rewrites the working file whole (sql/erasure/compact.sql) and opens the new one: an update
   * leaves the replaced text in blocks the file no longer uses, a fresh copy does not.
   */
  private Warehouse compact(Warehouse warehouse) throws IOException, SQLException {
    Path file = home.warehouseFile();
    Path compacted = file.resolveSibling("erasure-compacted.duckdb");
    Files.deleteIfExists(compacted);
    try (Statement s = warehouse.connection().createStatement()) {
      s.execute("attach '" + compacted.toString().replace("'", "''") + "' as erasure_compacted");
      try {
        SqlScript.execute(warehouse.connection(), "sql/erasure/compact.sql");
      } finally {
        s.execute("detach erasure_compacted");
      }
    }
    warehouse.close();
    Files.move(compacted, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".wal"));
    return opener.get();
  }

  private String relative(Path file) {
    return home.root().relativize(file).toString();
  }
}
