package org.plumbline.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.Warehouse;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Loads the inbox one file per call, oldest arrival first, so each file is its own unit of
 * work: a run stopped half-way has committed whole files only, and its restart picks up the
 * files still in the inbox. The step's counts are the ledger's: read = rows read, written =
 * rows loaded as values, filtered = layout rows (totals) kept but not used, skipped = rows
 * quarantined (taken from load_audit, so the console and {@code status} show real numbers).
 */
public final class IngestTasklet implements Tasklet {

  private final PlumblineHome home;
  private final Warehouse warehouse;
  private final java.util.function.Supplier<GovernanceModel> governance;
  private final List<IngestListener> listeners;
  private final Clock clock;
  private FileLoader loader;
  private Long loaderForStep;

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
    if (next.isEmpty()) {
      return RepeatStatus.FINISHED;
    }
    StepExecution step = contribution.getStepExecution();
    FileOutcome outcome = loaderFor(step).load(next.get(), step.getJobExecutionId());
    // Batch counts one read per call; ours is the ledger's row count for the file.
    step.setReadCount(step.getReadCount() + outcome.rowsRead());
    contribution.incrementWriteCount(outcome.rowsLoaded());
    contribution.incrementFilterCount(outcome.rowsSkipped());
    // Quarantined rows are the step's skips: stored with their reason, never silent.
    step.setProcessSkipCount(step.getProcessSkipCount() + outcome.rowsQuarantined());
    listeners.forEach(l -> l.afterFile(outcome));
    return RepeatStatus.CONTINUABLE;
  }

  /** One model per step execution: a config edit during a run takes effect at the next run. */
  private FileLoader loaderFor(StepExecution step) {
    if (loader == null || !Long.valueOf(step.getId()).equals(loaderForStep)) {
      loader = new FileLoader(warehouse.connection(), home, governance.get(), clock);
      loaderForStep = step.getId();
    }
    return loader;
  }

  private Optional<Path> nextInboxFile() {
    try (Stream<Path> files = Files.list(home.inbox())) {
      return files.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
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
