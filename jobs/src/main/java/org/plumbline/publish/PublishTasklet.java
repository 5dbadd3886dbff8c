package org.plumbline.publish;

import java.nio.file.Path;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.Warehouse;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** The nightly job's last step: publish the analysts' snapshot of this run. */
public final class PublishTasklet implements Tasklet {

  private final PlumblineHome home;
  private final Warehouse warehouse;

  public PublishTasklet(PlumblineHome home, Warehouse warehouse) {
    this.home = home;
    this.warehouse = warehouse;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
    long run = contribution.getStepExecution().getJobExecutionId();
    Path published = new SnapshotPublisher(home, warehouse.connection()).publish(run);
    contribution.getStepExecution().getExecutionContext().putString("published", published.toString());
    return RepeatStatus.FINISHED;
  }
}
