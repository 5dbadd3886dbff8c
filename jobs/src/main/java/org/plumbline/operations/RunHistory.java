package org.plumbline.operations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Reads runs from the job repository only, so it works while another process holds the
 * warehouse; a run that reads as running but whose process is gone is marked cut off.
 */
public final class RunHistory {

  private final JobRepository repository;
  private final RunLiveness liveness;

  public RunHistory(JobRepository repository, RunLiveness liveness) {
    this.repository = repository;
    this.liveness = liveness;
  }

  /** The latest runs, newest first. */
  public List<RunView> latest(int count) {
    List<JobExecution> executions = new ArrayList<>();
    for (String job : repository.getJobNames()) {
      for (JobInstance instance : repository.getJobInstances(job, 0, count)) {
        executions.addAll(repository.getJobExecutions(instance));
      }
    }
    return executions.stream().sorted(Comparator.comparingLong(JobExecution::getId).reversed())
        .limit(count).map(this::view).toList();
  }

  public Optional<RunView> find(long executionId) {
    try {
      return Optional.ofNullable(repository.getJobExecution(executionId)).map(this::view);
    } catch (org.springframework.dao.EmptyResultDataAccessException e) {
      return Optional.empty();
    }
  }

  private RunView view(JobExecution execution) {
    RunView run = RunView.of(execution);
    return run.running() && liveness.of(run.id()) == RunLiveness.State.CUT_OFF
        ? run.asCutOff(RunView.lastChange(execution)) : run;
  }
}
