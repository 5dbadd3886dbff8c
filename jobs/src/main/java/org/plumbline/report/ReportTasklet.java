package org.plumbline.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.Warehouse;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Renders the executive summary PDF for the run's as-of date into the outbox. */
public final class ReportTasklet implements Tasklet {

  private final PlumblineHome home;
  private final Warehouse warehouse;
  private final ReportRenderer renderer;
  private final Clock clock;

  public ReportTasklet(PlumblineHome home, Warehouse warehouse, ReportRenderer renderer, Clock clock) {
    this.home = home;
    this.warehouse = warehouse;
    this.renderer = renderer;
    this.clock = clock;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
    String asOf = chunkContext.getStepContext().getJobParameters().get("asOf").toString();
    Path pdf = home.outbox().resolve(outboxName(asOf));
    renderer.render(warehouse.connection(), pdf, ZonedDateTime.now(clock),
        ReportOptions.defaults(java.time.LocalDate.parse(asOf)));
    contribution.getStepExecution().getExecutionContext().putString("report", pdf.toString());
    contribution.incrementWriteCount(1);
    return RepeatStatus.FINISHED;
  }

  /** Stable and meaningful: the same as-of date always names the same file. */
  static String outboxName(String asOf) {
    return "executive-summary_as-of-" + asOf + ".pdf";
  }
}
