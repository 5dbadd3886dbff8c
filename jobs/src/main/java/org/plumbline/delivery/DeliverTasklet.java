package org.plumbline.delivery;

import java.util.Optional;
import org.plumbline.reconcile.Reissue;
import org.plumbline.report.ReportFiles;
import org.plumbline.report.ReportWorkbookExport;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.Warehouse;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The nightly run's deliver step, after report: the report's tables as a workbook beside the
 * PDFs (when {@code plumbline.delivery.xlsx} is on), then the e-mails (when
 * {@code plumbline.delivery.email.enabled} is on). A failed e-mail does not fail the run: it is
 * recorded, the step ends {@value #WITH_FAILED_DELIVERIES} saying how many and how to resend,
 * and the run goes on to publish. Counts: read = e-mails due, written = e-mails sent, skipped =
 * e-mails this report already reached (a restarted run sends nothing twice). A re-issue of a
 * past report writes its workbook under its own name and sends no e-mail.
 */
public final class DeliverTasklet implements Tasklet {

  public static final String WITH_FAILED_DELIVERIES = "COMPLETED WITH FAILED DELIVERIES";

  private final PlumblineHome home;
  private final Warehouse warehouse;
  private final boolean xlsx;
  private final ReportDelivery delivery;

  public DeliverTasklet(PlumblineHome home, Warehouse warehouse, boolean xlsx, ReportDelivery delivery) {
    this.home = home;
    this.warehouse = warehouse;
    this.xlsx = xlsx;
    this.delivery = delivery;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    String asOf = chunkContext.getStepContext().getJobParameters().get("asOf").toString();
    long runId = contribution.getStepExecution().getJobExecutionId();
    if (xlsx) {
      String label = ReportFiles.label(contribution);
      new ReportWorkbookExport().write(warehouse.connection(), home.outbox(), label);
      contribution.getStepExecution().getExecutionContext().putString("workbook", ReportFiles.workbook(label));
    }
    Optional<Reissue> reissue = Reissue.of(contribution);
    if (reissue.isPresent()) {
      // Not the report of the day: sent only when someone asks for it.
      if (delivery.enabled()) {
        reissue.get().leftOut(contribution, "No e-mail is sent; `plumbline resend --report "
            + ReportFiles.summary(reissue.get().outboxLabel()) + " --list NAME` sends it.");
      }
      return RepeatStatus.FINISHED;
    }
    ReportDelivery.Result result = delivery.deliverRun(runId, asOf);
    for (int i = 0; i < result.due(); i++) {
      contribution.incrementReadCount();
    }
    contribution.incrementWriteCount(result.sent());
    contribution.incrementFilterCount(result.alreadySent());
    if (!result.failed().isEmpty()) {
      contribution.setExitStatus(new ExitStatus(WITH_FAILED_DELIVERIES, note(result, runId)));
    }
    return RepeatStatus.FINISHED;
  }

  /** "2 of 6 e-mails could not be sent (…); the reports are in the outbox; `plumbline resend 42` sends them again." */
  static String note(ReportDelivery.Result result, long runId) {
    int failed = result.failed().size();
    return failed + " of " + result.outcomes().size() + " e-mail" + (result.outcomes().size() == 1 ? "" : "s")
        + " could not be sent (" + result.failed().get(0).reason() + "); the reports are in the outbox,"
        + " `plumbline resend " + runId + "` sends " + (failed == 1 ? "it" : "them") + " again.";
  }
}
