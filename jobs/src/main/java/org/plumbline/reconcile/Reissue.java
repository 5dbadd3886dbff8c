package org.plumbline.reconcile;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * A run whose as-of date lies before that of an earlier run: a re-issue of a past report
 * (run_context.is_reissue). It never replaces what was issued or what is current: its outbox
 * files carry a name of their own, and the analysts' copy, the lake and e-mail stay with the
 * latest run. The reconcile step finds it and keeps it in the job's execution context, which the
 * later steps, a restart, status and the console read.
 *
 * @param latestAsOf the as-of date reporting has reached (the latest of the earlier runs)
 * @param run the run (job execution) that re-issues it, which its files are named by
 */
public record Reissue(String asOf, String latestAsOf, long run) {

  /** The exit code of each step that did something else, or nothing, because the run is a re-issue. */
  public static final String EXIT_CODE = "COMPLETED AS A RE-ISSUE";
  private static final String FILE_MARK = "_reissue-run-";
  private static final String LATEST_AS_OF = "reissue.latestAsOf";
  private static final String RUN = "reissue.run";

  /** The re-issue this run is, as the reconcile step found it; empty for any other run. */
  public static Optional<Reissue> of(JobExecution execution) {
    ExecutionContext context = execution.getExecutionContext();
    if (!context.containsKey(LATEST_AS_OF)) {
      return Optional.empty();
    }
    return Optional.of(new Reissue(execution.getJobParameters().getString("asOf"), context.getString(LATEST_AS_OF),
        context.getLong(RUN)));
  }

  public static Optional<Reissue> of(StepContribution contribution) {
    return of(contribution.getStepExecution().getJobExecution());
  }

  /**
   * After the rebuild: when run_context says this run re-issues a past date, keeps that for the
   * steps after it and ends the reconcile step saying so.
   */
  static void recognise(Connection warehouse, StepContribution contribution) throws SQLException {
    try (Statement s = warehouse.createStatement(); ResultSet r = s.executeQuery(
        "select as_of_date::varchar, latest_as_of_date::varchar from run_context where is_reissue")) {
      if (!r.next()) {
        return;
      }
      long run = contribution.getStepExecution().getJobExecutionId();
      ExecutionContext job = contribution.getStepExecution().getJobExecution().getExecutionContext();
      job.putString(LATEST_AS_OF, r.getString(2));
      job.putLong(RUN, run);
      Reissue reissue = new Reissue(r.getString(1), r.getString(2), run);
      contribution.setExitStatus(new ExitStatus(EXIT_CODE, reissue.sentence() + " Its findings are new, persisting"
          + " or resolved against the last run before " + reissue.asOf + ", and later runs do not compare with it."));
    }
  }

  /**
   * The tasklet of a step a re-issue leaves out ({@code what}: "The analysts' copy"): the step
   * then ends saying what it left as it is, and why.
   */
  public static Tasklet leavesOut(String what, Tasklet tasklet) {
    return (contribution, chunkContext) -> {
      Optional<Reissue> reissue = of(contribution);
      if (reissue.isEmpty()) {
        return tasklet.execute(contribution, chunkContext);
      }
      reissue.get().leftOut(contribution, what + " is left as it is.");
      return RepeatStatus.FINISHED;
    };
  }

  /** Ends a step with {@code what} it left out, after the sentence saying this run is a re-issue. */
  public void leftOut(StepContribution contribution, String what) {
    contribution.setExitStatus(new ExitStatus(EXIT_CODE, sentence() + " " + what));
  }

  /** "2020-12-31_reissue-run-12": what stands for the as-of date in the names of its outbox files. */
  public String outboxLabel() {
    return asOf + FILE_MARK + run;
  }

  /** Whether an outbox file is a re-issue's ("executive-summary_as-of-2020-12-31_reissue-run-12.pdf"). */
  public static boolean madeFile(String fileName) {
    return fileName.contains(FILE_MARK);
  }

  /** "Re-issue of the report as of 2020-12-31 (reporting has reached 2021-03-05)." */
  private String sentence() {
    return "Re-issue of the report as of " + asOf + " (reporting has reached " + latestAsOf + ").";
  }
}
