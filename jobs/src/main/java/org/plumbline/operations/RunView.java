package org.plumbline.operations;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.plumbline.reconcile.Reissue;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * One run as ops staff see it, on the command line and in the console.
 *
 * @param failure the failure in plain words, empty when the run did not fail
 * @param cutOff it reads as running, but no process runs it any more (killed, or its machine
 *     stopped; {@link RunLiveness}): it is neither running nor stoppable, only restartable
 * @param reissue it re-issues a past report: its as-of date lies before an earlier run's ({@link Reissue})
 * @param continuedBy the run that continued this one, 0 if none: a restart continues a run under
 *     a new run number and leaves this one as it ended, so it is not restartable any more
 */
public record RunView(long id, String job, String asOf, BatchStatus status, LocalDateTime start,
    LocalDateTime end, Duration duration, List<StepView> steps, String failure, boolean cutOff, boolean reissue,
    long continuedBy) {

  /**
   * One step's counts.
   *
   * @param skipped layout rows (totals) kept in the ledger but not used as values
   * @param quarantined rows set aside with a reason (the step's skip count, or what it recorded
   *     under {@code quarantined} in its execution context)
   * @param note what a step that completed with something to say said (its exit code is
   *     "COMPLETED WITH …", e.g. e-mails that could not be sent), a sentence a line; empty otherwise
   * @param shownStatus the status as ops read and grep it: the exit code of a step that completed
   *     with something to say ("COMPLETED WITH REJECTED FILES"), else its status
   */
  public record StepView(String name, BatchStatus status, long read, long written, long skipped,
      long quarantined, String note, String shownStatus) {

    static StepView of(StepExecution s) {
      long recorded = s.getExecutionContext().containsKey("quarantined")
          ? s.getExecutionContext().getLong("quarantined") : 0;
      // Written by the step itself, never a stack trace: every line (one per source read under other settings).
      String description = s.getExitStatus().getExitDescription();
      boolean completedWith = s.getStatus() == BatchStatus.COMPLETED
          && s.getExitStatus().getExitCode().startsWith("COMPLETED ");
      String note = completedWith && description != null ? description.strip() : "";
      return new StepView(s.getStepName(), s.getStatus(), s.getReadCount(), s.getWriteCount(),
          s.getFilterCount(), s.getSkipCount() + recorded, note,
          completedWith ? s.getExitStatus().getExitCode() : s.getStatus().toString());
    }
  }

  public static RunView of(JobExecution e) {
    LocalDateTime end = e.getEndTime();
    Duration took = e.getStartTime() == null ? Duration.ZERO
        : Duration.between(e.getStartTime(), end == null ? LocalDateTime.now() : end);
    String failure = "";
    if (e.getStatus() == BatchStatus.FAILED || e.getStatus() == BatchStatus.UNKNOWN) {
      failure = e.getAllFailureExceptions().isEmpty()
          ? firstStepFailure(e) : PlainWords.of(e.getAllFailureExceptions().get(0));
    }
    return new RunView(e.getId(), e.getJobInstance().getJobName(), e.getJobParameters().getString("asOf"),
        e.getStatus(), e.getStartTime(), end, took,
        e.getStepExecutions().stream().map(StepView::of).toList(), failure, false, Reissue.of(e).isPresent(), 0);
  }

  /** The same run, known to have lost its process: it took until it was last seen making progress. */
  RunView asCutOff(LocalDateTime lastSeen) {
    Duration took = start == null ? Duration.ZERO : Duration.between(start, lastSeen);
    return new RunView(id, job, asOf, status, start, end, took, steps, failure, true, reissue, continuedBy);
  }

  /** The same run, continued by a restart as run {@code by}. */
  RunView continuedAs(long by) {
    return new RunView(id, job, asOf, status, start, end, duration, steps, failure, cutOff, reissue, by);
  }

  /** A restart has continued it under a new run number. */
  public boolean continued() {
    return continuedBy > 0;
  }

  /** The as-of date as ops staff should read it: "2020-12-31, re-issue" for a re-issue of a past report. */
  public String asOfShown() {
    return reissue ? asOf + ", re-issue" : asOf;
  }

  /** When the run or any of its steps last changed in the job repository. */
  public static LocalDateTime lastChange(JobExecution e) {
    LocalDateTime last = e.getLastUpdated() != null ? e.getLastUpdated() : e.getCreateTime();
    for (StepExecution s : e.getStepExecutions()) {
      if (s.getLastUpdated() != null && s.getLastUpdated().isAfter(last)) {
        last = s.getLastUpdated();
      }
    }
    return last;
  }

  private static String firstStepFailure(JobExecution e) {
    for (StepExecution s : e.getStepExecutions()) {
      String line = PlainWords.firstLine(s.getExitStatus().getExitDescription());
      if (!line.isEmpty()) {
        return line;
      }
    }
    return PlainWords.firstLine(e.getExitStatus().getExitDescription());
  }

  /** A process runs it (as far as anyone can tell: a run from before liveness locks counts as running). */
  public boolean running() {
    return status.isRunning() && !cutOff;
  }

  /** The status as ops staff should read it: a cut-off run is no longer what its status says. */
  public String shownStatus() {
    return cutOff ? "CUT OFF" : status.toString();
  }

  /**
   * What a completed run had to say, as one line: each step that ended "COMPLETED WITH …", e.g.
   * "ingest COMPLETED WITH REJECTED FILES" (the step's note in `status` names the files). A
   * re-issue's steps ("COMPLETED AS A RE-ISSUE") are left out: the as-of date says it, and
   * nothing needs doing.
   */
  public String outcomes() {
    return String.join("; ", steps.stream().filter(s -> s.shownStatus().startsWith("COMPLETED WITH "))
        .map(s -> s.name() + " " + s.shownStatus()).toList());
  }

  /** Why a cut-off run is shown so, and what to do; empty for any other run. */
  public String cutOffNote() {
    return cutOff ? "It reads " + status + ", but no process runs it any more (killed, or its machine stopped)."
        + " Nothing is half-loaded: restart it to continue where it stopped." : "";
  }

  /** A run that did not complete, and was not continued yet, can be continued where it stopped. */
  public boolean restartable() {
    return !running() && !continued() && status != BatchStatus.COMPLETED && status != BatchStatus.ABANDONED;
  }

  public String restartCommand() {
    return "plumbline restart " + id;
  }

  /** Duration as people read it: 4 s, 2 min 05 s, 1 h 03 min. */
  public String took() {
    long s = duration.toSeconds();
    if (s < 60) {
      return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
    return s < 3600 ? String.format("%d min %02d s", s / 60, s % 60) : String.format("%d h %02d min", s / 3600, s % 3600 / 60);
  }
}
