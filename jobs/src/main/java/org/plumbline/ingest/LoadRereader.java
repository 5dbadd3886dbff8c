package org.plumbline.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.governance.ReadingSettings;
import org.plumbline.governance.Source;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.SqlScript;

/**
 * Reads a loaded file again from the archive under the config as it is now (plumbline reload),
 * through the loader's own reading and typing, and keeps what it read as a new reading of the
 * same load (ledger V13) in one DuckDB transaction. The load keeps its identity: its content
 * hash, received time and version key are the load's, so a reading is no new delivery and
 * changes neither which version is in force nor when anything was received. A file that cannot
 * be read under the config any more leaves the load as it was.
 */
public final class LoadRereader {

  private final Connection connection;
  private final PlumblineHome home;
  private final GovernanceModel model;
  private final LoadSettings settings;
  private final Clock clock;

  public LoadRereader(Connection connection, PlumblineHome home, GovernanceModel model, Clock clock) {
    this.connection = connection;
    this.home = home;
    this.model = model;
    this.settings = new LoadSettings(model);
    this.clock = clock;
  }

  /** A load as its latest reading left it, or null when there is no such load. */
  public Load find(long loadId) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(SqlScript.text("sql/reload/load_to_reload.sql"))) {
      s.setLong(1, loadId);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return null;
        }
        long readingId = r.getLong("reading_id");
        Long latest = r.wasNull() ? null : readingId;
        Counts counts = new Counts(r.getLong("rows_read"), r.getLong("rows_loaded"), r.getLong("rows_skipped"),
            r.getLong("rows_quarantined"), valueCount(loadId, latest));
        return new Load(loadId, r.getString("source_id"), r.getString("file_name"), r.getString("archive_path"),
            r.getString("content_hash"), r.getTimestamp("received_at").toLocalDateTime(),
            r.getString("version_key"), latest, r.getString("config_version"), counts);
      }
    }
  }

  /** The loads of a source, oldest first. */
  public java.util.List<Long> loadsOf(String sourceId) throws SQLException {
    java.util.List<Long> loads = new java.util.ArrayList<>();
    try (PreparedStatement s = connection.prepareStatement(
        "select load_id from load_audit where source_id = ? order by load_id")) {
      s.setString(1, sourceId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          loads.add(r.getLong(1));
        }
      }
    }
    return loads;
  }

  /**
   * Reads the load's archived file again and keeps the reading, or says why it could not and
   * leaves the load as it was.
   */
  public Result reread(Load load, String reason, String requestedBy) throws SQLException {
    Source source = model.source(load.sourceId());
    if (source == null) {
      return Result.failed(load, "its source '" + load.sourceId() + "' is no longer in config/governance/sources.yml,"
          + " so there is no config to read it under");
    }
    Path archived = home.root().resolve(load.archivePath());
    if (!Files.isRegularFile(archived)) {
      return Result.failed(load, "its archived file " + load.archivePath() + " is missing from the home folder"
          + " (archived files are kept for good: restore it from a backup to read it again)");
    }
    InboxFile file;
    try {
      InboxFile kept = InboxFile.of(archived);
      // The load's name and hash, not the archive's: the rows keep the file name they were delivered under.
      file = new InboxFile(archived, load.fileName(), load.contentHash(), kept.sizeBytes(), kept.modifiedAt());
      boolean rewritten = !kept.contentHash().equals(load.contentHash());
      return read(load, source, file, reason, requestedBy, rewritten);
    } catch (IOException e) {
      return Result.failed(load, "its archived file " + load.archivePath() + " cannot be read: " + e.getMessage());
    }
  }

  private Result read(Load load, Source source, InboxFile file, String reason, String requestedBy,
      boolean rewritten) throws SQLException {
    String sessionZone = FileLoader.useTimeZone(connection, model.calendar().timezone().getId());
    connection.setAutoCommit(false);
    try {
      SqlScript.execute(connection, "sql/ingest/incoming.sql");
      // Nothing but incoming.sql may come before the read in this transaction (FileLoader.restartRead).
      FileLoader.readerFor(source).read(connection, file.path(), source);
      HeaderCheck.requireColumns(connection, source);
      long readingId = nextReadingId();
      settings.write(connection, file, load.receivedAt(), source, load.loadId());
      try (PreparedStatement s = connection.prepareStatement(
          "update incoming_load set version_key = ?, reading_id = ?")) {
        s.setString(1, load.versionKey());
        s.setLong(2, readingId);
        s.executeUpdate();
      }
      // No duplicate, received-time or version decision: those are the load's and stay as they are.
      FileLoader.typeRows(connection, source);
      SqlScript.execute(connection, "sql/ingest/append_to_ledger.sql");
      insertReading(load, source, readingId, reason, requestedBy);
      checkConservation(readingId, load);
      Result result = result(load, readingId, rewritten);
      connection.commit();
      return result;
    } catch (FileRejectedException e) {
      connection.rollback();
      return Result.failed(load, "it cannot be read under the configuration as it is now: " + e.getMessage());
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
      FileLoader.useTimeZone(connection, sessionZone);
    }
  }

  private void insertReading(Load load, Source source, long readingId, String reason, String requestedBy)
      throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(SqlScript.text("sql/reload/insert_load_reading.sql"))) {
      s.setLong(1, readingId);
      s.setLong(2, load.loadId());
      s.setTimestamp(3, Timestamp.valueOf(LocalDateTime.now(clock.withZone(ZoneOffset.UTC))));
      s.setString(4, model.configVersion());
      s.setString(5, reason);
      s.setString(6, requestedBy);
      if (load.latestReadingId() == null) {
        s.setNull(7, Types.BIGINT);
      } else {
        s.setLong(7, load.latestReadingId());
      }
      s.setString(8, ReadingSettings.fingerprint(model, source)); // what it was read under (ledger V15)
      s.executeUpdate();
    }
  }

  private void checkConservation(long readingId, Load load) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(SqlScript.text("sql/reload/check_conservation.sql"))) {
      s.setLong(1, readingId);
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          throw new IllegalStateException("Rows were lost reading load " + load.loadId() + " (" + load.fileName()
              + ") again: " + r.getLong(1) + " rows were read, but " + r.getLong(2) + " were loaded, " + r.getLong(3)
              + " kept as layout and " + r.getLong(4) + " quarantined. Nothing was kept; the load is as it was. This"
              + " is a defect in Plumbline: please report it with the file.");
        }
      }
    }
  }

  private Result result(Load load, long readingId, boolean rewritten) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("select rows_read, rows_loaded, rows_skipped,"
        + " rows_quarantined, value_count, values_changed from load_reading where reading_id = ?")) {
      s.setLong(1, readingId);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        Counts after = new Counts(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5));
        return new Result(load, readingId, after, r.getLong(6), model.configVersion().equals(load.configVersion()),
            rewritten, null);
      }
    }
  }

  private long valueCount(long loadId, Long readingId) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(SqlScript.text("sql/reload/values_before.sql"))) {
      s.setLong(1, loadId);
      if (readingId == null) {
        s.setNull(2, Types.BIGINT);
      } else {
        s.setLong(2, readingId);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private long nextReadingId() throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("select nextval('reading_id_seq')");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  /** A reading's counts: rows read, loaded, kept as layout, quarantined; values typed. */
  public record Counts(long read, long loaded, long skipped, long quarantined, long values) {}

  /**
   * A load as its latest reading left it.
   *
   * @param latestReadingId null when it was read only when it was loaded
   * @param configVersion the config its latest reading was made under
   */
  public record Load(long loadId, String sourceId, String fileName, String archivePath, String contentHash,
      LocalDateTime receivedAt, String versionKey, Long latestReadingId, String configVersion, Counts counts) {}

  /**
   * What reading a load again did.
   *
   * @param readingId the new reading (load_reading), 0 when it failed
   * @param after its counts; null when it failed
   * @param sameConfig whether the load was last read under the same config (then nothing should change)
   * @param archiveRewritten whether the archived file is no longer the bytes loaded (an erasure rewrote it)
   * @param failure why the load could not be read again, leaving it as it was; null when it was
   */
  public record Result(Load load, long readingId, Counts after, long valuesChanged, boolean sameConfig,
      boolean archiveRewritten, String failure) {
    static Result failed(Load load, String why) {
      return new Result(load, 0, null, 0, false, false, why);
    }

    public boolean succeeded() {
      return failure == null;
    }
  }
}
