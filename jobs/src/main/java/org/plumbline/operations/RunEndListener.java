package org.plumbline.operations;

import org.springframework.batch.core.job.JobExecution;

/** Told when a run launched through {@link RunControl} has ended, however it ended. */
public interface RunEndListener {

  void runEnded(JobExecution execution);
}
