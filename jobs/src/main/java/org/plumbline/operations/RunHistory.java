package org.plumbline.operations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    Map<Long, List<JobExecution>> ofInstance = new HashMap<>();
    for (String job : repository.getJobNames()) {
      for (JobInstance instance : repository.getJobInstances(job, 0, count)) {
        List<JobExecution> runs = repository.getJobExecutions(instance);
        executions.addAll(runs);
        runs.forEach(e -> ofInstance.put(e.getId(), runs));
      }
    }
    return executions.stream().sorted(Comparator.comparingLong(JobExecution::getId).reversed())
        .limit(count).map(e -> view(e, ofInstance.get(e.getId()))).toList();
  }

  public Optional<RunView> find(long executionId) {
    try {
      return Optional.ofNullable(repository.getJobExecution(executionId))
          .map(e -> view(e, repository.getJobExecutions(e.getJobInstance())));
    } catch (org.springframework.dao.EmptyResultDataAccessException e) {
      return Optional.empty();
    }
  }

  /** The run as ops see it; {@code ofItsInstance} are its job instance's runs: a restart is the next of them. */
  private RunView view(JobExecution execution, List<JobExecution> ofItsInstance) {
    long continuedBy = ofItsInstance.stream().mapToLong(JobExecution::getId)
        .filter(id -> id > execution.getId()).min().orElse(0);
    RunView run = continuedBy > 0 ? RunView.of(execution).continuedAs(continuedBy) : RunView.of(execution);
    return run.running() && liveness.of(run.id()) == RunLiveness.State.CUT_OFF
        ? run.asCutOff(RunView.lastChange(execution)) : run;
  }
}
