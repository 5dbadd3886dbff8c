package org.plumbline.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.governance.ReadingSettings;
import org.plumbline.governance.Source;
import org.plumbline.operations.PlainWords;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.SqlScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one inbox file into the ledger in one DuckDB transaction together with its
 * load-audit row, then archives it. The audit row, keyed by the bytes' hash, is what makes a
 * re-delivered file a no-op and a crashed load safe to repeat: a file is either wholly in
 * the ledger or not at all, and archiving after the commit is idempotent.
 */
public final class FileLoader {

  private static final Logger LOG = LoggerFactory.getLogger(FileLoader.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
  private static final String REASON_SUFFIX = ".reason.txt";
  private static final String CHANGED_WHILE_READ = "it was written to while it was read, so it is still being written";

  private final Connection connection;
  private final PlumblineHome home;
  private final GovernanceModel model;
  private final SourceMatcher matcher;
  private final LoadSettings settings;
  private final Clock clock;

  public FileLoader(Connection connection, PlumblineHome home, GovernanceModel model, Clock clock) {
    this.connection = connection;
    this.home = home;
    this.model = model;
    this.matcher = new SourceMatcher(model);
    this.settings = new LoadSettings(model);
    this.clock = clock;
  }

  public FileOutcome load(Path path, Long jobExecutionId) {
    InboxFile file;
    try {
      file = InboxFile.of(path);
    } catch (IOException e) {
      // Unreadable from the file system: leave it where it is, the next run tries again.
      throw new UncheckedIOException("Could not read " + path + ": " + e.getMessage(), e);
    }
    if (Files.isSymbolicLink(path)) {
      return reject(file, "It is a symbolic link (to " + linkTarget(path) + "), not a file: the archive would keep the"
          + " link, whose target can change or go, rather than the bytes loaded. Put the file itself in the inbox.");
    }
    try {
      Long earlierLoad = loadHolding(file.contentHash());
      if (earlierLoad != null) {
        return alreadyLoaded(file, earlierLoad);
      }
      Source source = matcher.sourceFor(file.name());
      return loadNew(file, source, jobExecutionId);
    } catch (ChangedWhileReadException e) {
      return FileOutcome.deferred(file.name(), CHANGED_WHILE_READ);
    } catch (FileRejectedException e) {
      if (!file.unchanged()) {
        return FileOutcome.deferred(file.name(), CHANGED_WHILE_READ); // a half-written file is no bad file
      }
      return reject(file, e.getMessage());
    } catch (SQLException e) {
      throw new IllegalStateException("The warehouse failed while loading " + file.name() + ": "
          + PlainWords.firstLineOf(e), e);
    }
  }

  private FileOutcome loadNew(InboxFile file, Source source, Long jobExecutionId)
      throws SQLException, FileRejectedException {
    long loadId;
    String archiveName;
    String sessionZone = useTimeZone(model.calendar().timezone().getId());
    connection.setAutoCommit(false);
    try {
      long started = System.nanoTime();
      SqlScript.execute(connection, "sql/ingest/incoming.sql");
      // Nothing but incoming.sql may come before the read in this transaction: see restartRead.
      readerFor(source).read(connection, file.path(), source);
      if (!file.unchanged()) {
        throw new ChangedWhileReadException();
      }
      HeaderCheck.requireColumns(connection, source);
      long read = System.nanoTime();
      loadId = nextval("load_id_seq");
      archiveName = ArchiveName.of(loadId + "-", file.name(), "");
      LocalDateTime receivedAt = notInTheFuture(file);
      settings.write(connection, file, receivedAt, source, loadId);
      typeRows(connection, source);
      if (source.versionKey() == Source.VersionKey.PERIODS) {
        SqlScript.execute(connection, "sql/ingest/version_by_periods.sql");
      }
      receivedAt = notOutranked(file, source, receivedAt);
      long typed = System.nanoTime();
      SqlScript.execute(connection, "sql/ingest/append_to_ledger.sql");
      long appended = System.nanoTime();
      writeLoadAudit(file, source, loadId, archiveName, jobExecutionId);
      Conservation.check(connection, loadId, file.name());
      String note = notes(OverlappingExports.note(connection, loadId, source),
          HiddenRowsAndColumns.rowsNote(connection, loadId), HiddenRowsAndColumns.columnsNote(connection, loadId),
          PercentAsFractions.note(connection));
      if (note != null) {
        LOG.warn("{}: {}.", file.name(), note);
      }
      recordDelivery(file, receivedAt, source.id(), "loaded", loadId, note);
      connection.commit();
      long committed = System.nanoTime();
      if (LOG.isDebugEnabled()) {
        LOG.debug("Loaded {}: read {} ms, typed {} ms, appended {} ms, audited and committed {} ms", file.name(),
            (read - started) / 1_000_000, (typed - read) / 1_000_000, (appended - typed) / 1_000_000,
            (committed - appended) / 1_000_000);
      }
    } catch (SQLException | FileRejectedException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
      useTimeZone(sessionZone);
    }
    InboxMove.move(file.path(), home.archive().resolve(archiveName));
    return counts(file.name(), loadId);
  }

  /**
   * Types the rows read against the source's settings (written by LoadSettings) and sets aside
   * what may not pass silently; the same for a file loaded and a loaded file read again (LoadRereader).
   */
  static void typeRows(Connection connection, Source source) throws SQLException, FileRejectedException {
    HeaderCheck.requireReadablePeriodHeaders(connection, source);
    SqlScript.execute(connection, "sql/ingest/type_values.sql");
    if (source.departmentColumn() != null) {
      SqlScript.execute(connection, "sql/ingest/row_departments.sql"); // one export, several departments
    }
    // A repeated header always has a problem (header_repeats.sql): a file without one skips both.
    if (exists(connection, "select 1 from incoming_problem where not blank")) {
      SqlScript.execute(connection, "sql/ingest/header_repeats.sql");
      if (exists(connection, "select 1 from incoming_header_repeat where moved is not null")) {
        SqlScript.execute(connection, "sql/ingest/below_header_repeat.sql"); // reads every row: only when needed
      }
    }
    if (source.kind() == Source.Kind.SELF_REPORTED) {
      SqlScript.execute(connection, "sql/ingest/repeated_rows.sql");
    }
  }

  /**
   * When the file reached us, the ledger's "received" time axis (incoming_load.received_at): its
   * last-modified time, as the inbox's writer left it, which is when it arrived also
   * for a file that waited for the next run. Unless that cannot be when it arrived, and then the
   * load time, the latest it can be:
   * <ul>
   *   <li>a time after the load (a file server's clock ahead): the file would stay out of every
   *       report until that date;
   *   <li>a time before a file already loaded whose values for the same metrics and periods this
   *       file's compete with (a department's earlier figures; an earlier version of a system's
   *       export): a copy that kept an old file's time (cp -p, rsync -t, an unzipped delivery)
   *       would rank a correction as older than what it corrects, which would stay in force.
   *       The inbox is read oldest first, so files that wait in it together are never moved.
   * </ul>
   * The first is checked here, before the file is typed; the second by {@link #notOutranked} once
   * it is. The file's own time stays in load_audit.file_modified_at (ledger V12).
   */
  private LocalDateTime notInTheFuture(InboxFile file) {
    LocalDateTime received = notAfterNow(file.modifiedAt());
    if (!received.equals(file.modifiedAt())) {
      LOG.warn("{}: received at the load time, {}, as its last-modified time {} lies in the future.", file.name(),
          received.withNano(0), file.modifiedAt().withNano(0));
    }
    return received;
  }

  /** The second rule above, once the file is typed; {@code received} is what the first gave. */
  private LocalDateTime notOutranked(InboxFile file, Source source, LocalDateTime received) throws SQLException {
    LocalDateTime outranking = receivedAfterOnTheSameValues(source);
    if (outranking == null) {
      return received;
    }
    LocalDateTime now = now();
    LOG.warn("{}: received at the load time, {}, as its last-modified time {} is before a file of source '{}'"
        + " received at {} whose values for the same periods it would otherwise rank below.", file.name(),
        now.withNano(0), file.modifiedAt().withNano(0), source.id(), outranking.withNano(0));
    try (PreparedStatement s = connection.prepareStatement("update incoming_load set received_at = ?")) {
      s.setTimestamp(1, Timestamp.valueOf(now));
      s.executeUpdate();
    }
    return now;
  }

  private LocalDateTime receivedAfterOnTheSameValues(Source source) throws SQLException {
    if (!exists("select 1 from load_audit a join incoming_load l using (source_id)"
        + " where a.received_at > l.received_at")) {
      return null; // nearly always: then the file's values need not be compared with the ledger's at all
    }
    try (PreparedStatement s = connection.prepareStatement(SqlScript.text("sql/ingest/outranking_load.sql"))) {
      s.setBoolean(1, source.kind() == Source.Kind.SELF_REPORTED);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        Timestamp latest = r.getTimestamp(1);
        return latest == null ? null : latest.toLocalDateTime();
      }
    }
  }

  private LocalDateTime notAfterNow(LocalDateTime time) {
    LocalDateTime now = now();
    return time.isAfter(now) ? now : time;
  }

  /**
   * Sets the session's time zone, returning the one it had. A load runs in the plant's
   * (calendar.yml): an instant's day (plumbline_period) and a Parquet instant's text are then
   * the plant's on any server, not the server's.
   */
  private String useTimeZone(String zone) throws SQLException {
    return useTimeZone(connection, zone);
  }

  static String useTimeZone(Connection connection, String zone) throws SQLException {
    String before;
    try (PreparedStatement s = connection.prepareStatement("select current_setting('TimeZone')");
        ResultSet r = s.executeQuery()) {
      r.next();
      before = r.getString(1);
    }
    try (PreparedStatement s = connection.prepareStatement("set TimeZone = ?")) {
      s.setString(1, zone);
      s.execute();
    }
    return before;
  }

  /** The file was written to while it was read: what was read is not what its hash and archive would say. */
  private static final class ChangedWhileReadException extends RuntimeException {
    ChangedWhileReadException() {
      super(CHANGED_WHILE_READ, null, false, false);
    }
  }

  /**
   * For a reader whose first way of reading failed in DuckDB, which aborts the transaction, and
   * that reads the file another way: a fresh transaction with the incoming tables as before the
   * read (loadNew runs nothing else before it).
   */
  static void restartRead(Connection connection) throws SQLException {
    connection.rollback();
    SqlScript.execute(connection, "sql/ingest/incoming.sql");
  }

  private FileOutcome alreadyLoaded(InboxFile file, long loadId) throws SQLException {
    Path archived = home.root().resolve(archivePathOf(loadId));
    if (!Files.exists(archived)) {
      // The load committed but the run stopped before archiving: finish that, add nothing.
      InboxMove.move(file.path(), archived);
      FileOutcome c = counts(file.name(), loadId);
      return new FileOutcome(file.name(), FileOutcome.Kind.COMPLETED_EARLIER, loadId, c.rowsRead(),
          c.rowsLoaded(), c.rowsSkipped(), c.rowsQuarantined(), null);
    }
    recordDelivery(file, notAfterNow(file.modifiedAt()), sourceOf(loadId), "duplicate", loadId,
        "The same bytes were loaded before as load " + loadId + ".");
    InboxMove.move(file.path(),
        home.archive().resolve("duplicates").resolve(ArchiveName.of(stamp() + "-", file.name(), "")));
    return new FileOutcome(file.name(), FileOutcome.Kind.DUPLICATE, loadId, 0, 0, 0, 0,
        "same bytes as load " + loadId);
  }

  private FileOutcome reject(InboxFile file, String reason) {
    try {
      recordDelivery(file, notAfterNow(file.modifiedAt()), null, "rejected", null, reason);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not record the rejection of " + file.name() + ": "
          + PlainWords.firstLineOf(e), e);
    }
    Path target = home.rejected().resolve(ArchiveName.of("", file.name(), REASON_SUFFIX));
    if (Files.exists(target)) {
      target = home.rejected().resolve(ArchiveName.of(stamp() + "-", file.name(), REASON_SUFFIX));
    }
    InboxMove.move(file.path(), target);
    try {
      Files.writeString(target.resolveSibling(target.getFileName() + REASON_SUFFIX),
          "The file " + file.name() + " was rejected: " + reason + System.lineSeparator(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the reason file beside " + target, e);
    }
    return FileOutcome.rejected(file.name(), reason);
  }

  static SourceFileReader readerFor(Source source) {
    return switch (source.format()) {
      case XLSX -> new XlsxFileReader();
      case CSV -> new CsvFileReader();
      case JSON -> new JsonFileReader();
      default -> new FlatFileReader();
    };
  }

  private void writeLoadAudit(InboxFile file, Source source, long loadId, String archiveName, Long jobExecutionId)
      throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(SqlScript.text("sql/ingest/insert_load_audit.sql"))) {
      s.setString(1, file.name());
      s.setString(2, home.root().relativize(home.archive().resolve(archiveName)).toString());
      s.setLong(3, file.sizeBytes());
      s.setTimestamp(4, Timestamp.valueOf(now()));
      if (jobExecutionId == null) {
        s.setNull(5, java.sql.Types.BIGINT);
      } else {
        s.setLong(5, jobExecutionId);
      }
      s.setString(6, model.configVersion());
      s.setString(7, file.path().toAbsolutePath().toString());
      s.setTimestamp(8, Timestamp.valueOf(file.modifiedAt()));
      s.setString(9, ReadingSettings.fingerprint(model, source)); // what it was read under (ledger V15)
      s.setLong(10, loadId);
      s.executeUpdate();
    }
  }

  private void recordDelivery(InboxFile file, LocalDateTime receivedAt, String sourceId, String outcome, Long loadId,
      String reason) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(
        "insert into file_delivery values (nextval('delivery_id_seq'), ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, file.contentHash());
      s.setString(2, file.name());
      s.setString(3, sourceId);
      s.setTimestamp(4, Timestamp.valueOf(receivedAt));
      s.setTimestamp(5, Timestamp.valueOf(now()));
      s.setString(6, outcome);
      if (loadId == null) {
        s.setNull(7, java.sql.Types.BIGINT);
      } else {
        s.setLong(7, loadId);
      }
      s.setString(8, reason);
      s.executeUpdate();
    }
  }

  private Long loadHolding(String contentHash) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("select load_id from load_audit where content_hash = ?")) {
      s.setString(1, contentHash);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getLong(1) : null;
      }
    }
  }

  private String archivePathOf(long loadId) throws SQLException {
    return queryString("select archive_path from load_audit where load_id = ?", loadId);
  }

  private String sourceOf(long loadId) throws SQLException {
    return queryString("select source_id from load_audit where load_id = ?", loadId);
  }

  private String queryString(String sql, long loadId) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      s.setLong(1, loadId);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getString(1);
      }
    }
  }

  private FileOutcome counts(String fileName, long loadId) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(
        "select rows_read, rows_loaded, rows_skipped, rows_quarantined,"
            + " concat_ws('; ', case when received_at <> file_modified_at then 'received at the load time, as its"
            + " last-modified time ' || strftime(file_modified_at, '%Y-%m-%d %H:%M') || ' UTC cannot be when it"
            + " arrived' end, (select any_value(d.reason) from file_delivery d where d.load_id = a.load_id"
            + " and d.outcome = 'loaded'))"
            + " from load_audit a where load_id = ?")) {
      s.setLong(1, loadId);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        String note = r.getString(5);
        return new FileOutcome(fileName, FileOutcome.Kind.LOADED, loadId, r.getLong(1), r.getLong(2), r.getLong(3),
            r.getLong(4), note == null || note.isEmpty() ? null : note);
      }
    }
  }

  /** What the load says about the file beside its counts, one sentence after another; null for nothing. */
  private static String notes(String... notes) {
    String joined = String.join("; ", java.util.Arrays.stream(notes).filter(java.util.Objects::nonNull).toList());
    return joined.isEmpty() ? null : joined;
  }

  private boolean exists(String query) throws SQLException {
    return exists(connection, query);
  }

  private static boolean exists(Connection connection, String query) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(query); ResultSet r = s.executeQuery()) {
      return r.next();
    }
  }

  private long nextval(String sequence) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("select nextval(?)")) {
      s.setString(1, sequence);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
  }

  private String stamp() {
    return STAMP.format(now());
  }

  private static String linkTarget(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return "a target that cannot be read";
    }
  }
}
