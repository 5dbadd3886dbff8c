package org.plumbline.lake;

import java.util.Set;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.Warehouse;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** The nightly job's step that refreshes the Parquet lake from this run's warehouse. */
public final class LakeTasklet implements Tasklet {

  private final PlumblineHome home;
  private final Warehouse warehouse;

  public LakeTasklet(PlumblineHome home, Warehouse warehouse) {
    this.home = home;
    this.warehouse = warehouse;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
    int partitions = new LakeExporter(warehouse.connection(), home.lake()).export(Set.of());
    contribution.incrementWriteCount(partitions);
    contribution.getStepExecution().getExecutionContext().putString("lake", home.lake().toString());
    return RepeatStatus.FINISHED;
  }
}
