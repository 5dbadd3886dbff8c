package org.plumbline.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.operations.PlainWords;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Loads the inbox one file per call, oldest arrival first, so each file is its own unit of
 * work: a run stopped half-way has committed whole files only, and its restart picks up the
 * files still in the inbox. The step's counts are the ledger's: read = rows read, written =
 * rows loaded as values, filtered = layout rows (totals) kept but not used, skipped = rows
 * quarantined (taken from load_audit, so the console and {@code status} show real numbers).
 */
public final class IngestTasklet implements Tasklet {

  /** The ingest step's exit code when it rejected files; the run still completes. */
  public static final String WITH_REJECTED_FILES = "COMPLETED WITH REJECTED FILES";
  /** The ingest step's exit code when it left files still being written in the inbox, and rejected none. */
  public static final String WITH_FILES_LEFT = "COMPLETED WITH FILES LEFT IN THE INBOX";
  /**
   * The ingest step's exit code when loaded files were last read under other settings than their
   * source has now (ReadingDrift), and no file was rejected or left.
   */
  public static final String WITH_FILES_READ_UNDER_OTHER_SETTINGS = "COMPLETED WITH FILES READ UNDER OTHER SETTINGS";
  private static final String FILES = "files";
  private static final String REJECTED = "files_rejected";
  private static final String LEFT = "files_left";
  private static final Logger LOG = LoggerFactory.getLogger(IngestTasklet.class);
  private static final int NAMED_FILES = 5;
  /** How long a file must rest unwritten before it is loaded (see sinceModified). */
  static final Duration SETTLE = Duration.ofSeconds(2);

  private final PlumblineHome home;
  private final Warehouse warehouse;
  private final java.util.function.Supplier<GovernanceModel> governance;
  private final List<IngestListener> listeners;
  private final Clock clock;
  private FileLoader loader;
  private Long loaderForStep;
  /** Files this step left in the inbox as still being written (FileOutcome.Kind.DEFERRED). */
  private final java.util.Set<Path> deferred = new java.util.HashSet<>();

  public IngestTasklet(PlumblineHome home, Warehouse warehouse,
      java.util.function.Supplier<GovernanceModel> governance, List<IngestListener> listeners, Clock clock) {
    this.home = home;
    this.warehouse = warehouse;
    this.governance = governance;
    this.listeners = listeners;
    this.clock = clock;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    Optional<Path> next = nextInboxFile();
    StepExecution step = contribution.getStepExecution();
    if (next.isEmpty()) {
      ExecutionContext context = step.getExecutionContext();
      List<String> lines = new ArrayList<>();
      note(context).ifPresent(lines::add);
      lines.addAll(readUnderOtherSettings());
      if (!lines.isEmpty()) {
        String code = context.getInt(REJECTED, 0) > 0 ? WITH_REJECTED_FILES
            : context.getInt(LEFT, 0) > 0 ? WITH_FILES_LEFT : WITH_FILES_READ_UNDER_OTHER_SETTINGS;
        contribution.setExitStatus(new ExitStatus(code, String.join("\n", lines)));
      }
      return RepeatStatus.FINISHED;
    }
    Duration age = sinceModified(next.get());
    FileOutcome outcome = !age.isNegative() && age.compareTo(SETTLE) < 0
        ? FileOutcome.deferred(next.get().getFileName().toString(), "it was written " + age.toMillis()
            + " ms ago and may still be being written")
        : loaderFor(step).load(next.get(), step.getJobExecutionId());
    if (outcome.kind() == FileOutcome.Kind.DEFERRED) {
      deferred.add(next.get()); // not again in this step, which would never end
    }
    count(step.getExecutionContext(), outcome);
    // Batch counts one read per call; ours is the ledger's row count for the file.
    step.setReadCount(step.getReadCount() + outcome.rowsRead());
    contribution.incrementWriteCount(outcome.rowsLoaded());
    contribution.incrementFilterCount(outcome.rowsSkipped());
    // Quarantined rows are the step's skips: stored with their reason, never silent.
    step.setProcessSkipCount(step.getProcessSkipCount() + outcome.rowsQuarantined());
    listeners.forEach(l -> l.afterFile(outcome));
    return RepeatStatus.CONTINUABLE;
  }

  /**
   * The run's files by what became of them, in the step's context (kept with the run, and
   * carried into a restart): a run that rejected files says so in status, history and the
   * console, not only in the lines it printed while it ran.
   */
  private static void count(ExecutionContext context, FileOutcome outcome) {
    context.putInt(FILES, context.getInt(FILES, 0) + 1);
    if (outcome.kind() == FileOutcome.Kind.REJECTED) {
      name(context, REJECTED, outcome.fileName());
    } else if (outcome.kind() == FileOutcome.Kind.DEFERRED) {
      name(context, LEFT, outcome.fileName());
    }
  }

  /** Counts the file under {@code key} and names it, the first few. */
  private static void name(ExecutionContext context, String key, String fileName) {
    int count = context.getInt(key, 0) + 1;
    context.putInt(key, count);
    if (count <= NAMED_FILES) {
      String named = context.getString(key + "_names", "");
      context.putString(key + "_names", named.isEmpty() ? fileName : named + ", " + fileName);
    }
  }

  /**
   * "2 of 6 files were rejected (a.csv, b.csv): …", and "1 file was left in the inbox …", for
   * whichever happened.
   */
  static Optional<String> note(ExecutionContext context) {
    int rejected = context.getInt(REJECTED, 0);
    int left = context.getInt(LEFT, 0);
    int files = context.getInt(FILES, 0);
    List<String> sentences = new ArrayList<>();
    if (rejected > 0) {
      sentences.add(rejected + " of " + files + " file" + (files == 1 ? "" : "s") + (rejected == 1 ? " was" : " were")
          + " rejected (" + names(context, REJECTED) + "): each is in the rejected folder beside a file saying why;"
          + " put it back in the inbox once it is mended.");
    }
    if (left > 0) {
      sentences.add(left + (left == 1 ? " file was" : " files were") + " left in the inbox for the next run, as "
          + (left == 1 ? "it was" : "they were") + " still being written (" + names(context, LEFT) + ").");
    }
    return sentences.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", sentences));
  }

  private static String names(ExecutionContext context, String key) {
    return context.getString(key + "_names", "") + (context.getInt(key, 0) > NAMED_FILES ? ", …" : "");
  }

  /**
   * A sentence a source whose loaded files were last read under other settings than it has now,
   * once the inbox is loaded: what status and the run's summary show, one line each. A failed
   * comparison is said, not thrown: it must not hold back the report.
   */
  private List<String> readUnderOtherSettings() {
    try {
      return ReadingDrift.of(warehouse.connection(), governance.get()).sentences();
    } catch (SQLException e) {
      LOG.warn("Could not compare the loaded files' settings with the config", e);
      return List.of("The loaded files' settings could not be compared with the config: "
          + PlainWords.firstLineOf(e));
    }
  }

  /**
   * How long ago the file was last written, by the run's clock (negative for a time ahead of it).
   * A file written within {@link #SETTLE} may be a copy or an upload in progress: loading it would
   * load part of it and archive the rest, so it waits for the next run. (The loader also leaves a
   * file that changes while it reads it.)
   */
  private Duration sinceModified(Path path) {
    try {
      return Duration.between(Files.getLastModifiedTime(path).toInstant(), clock.instant());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + path + ": " + e.getMessage(), e);
    }
  }

  /** One model per step execution: a config edit during a run takes effect at the next run. */
  private FileLoader loaderFor(StepExecution step) {
    if (loader == null || !Long.valueOf(step.getId()).equals(loaderForStep)) {
      loader = new FileLoader(warehouse.connection(), home, governance.get(), clock);
      loaderForStep = step.getId();
      deferred.clear();
      for (Path copy : InboxMove.removeUnfinishedCopies(home)) {
        LOG.warn("Removed {}: a partial copy left by a run that stopped while it moved a file out of an inbox on"
            + " another file system. The file itself stayed in the inbox and is moved again.", copy);
      }
    }
    return loader;
  }

  /** Whether the ingest step reads this inbox entry: a file, not a folder, and not hidden (an editor's lock file). */
  public static boolean isInboxFile(Path entry) {
    return Files.isRegularFile(entry) && !entry.getFileName().toString().startsWith(".");
  }

  private Optional<Path> nextInboxFile() {
    try (Stream<Path> files = Files.list(home.inbox())) {
      return files.filter(IngestTasklet::isInboxFile)
          .filter(p -> !deferred.contains(p))
          .min(Comparator.comparing(IngestTasklet::arrival).thenComparing(p -> p.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list the inbox " + home.inbox() + ": " + e.getMessage(), e);
    }
  }

  private static java.nio.file.attribute.FileTime arrival(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
