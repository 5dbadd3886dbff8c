package org.plumbline.schedule;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.plumbline.operations.RunView;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Finds runs that stopped making progress: running, with no change to the run or any of its
 * steps in the job repository for longer than {@code plumbline.alerts.stuck-after}.
 */
final class StuckRunWatch {

  private final JobRepository repository;
  private final List<Job> jobs;
  private final Alerter alerter;
  private final Duration stuckAfter;

  StuckRunWatch(JobRepository repository, List<Job> jobs, Alerter alerter, Duration stuckAfter) {
    this.repository = repository;
    this.jobs = jobs;
    this.alerter = alerter;
    this.stuckAfter = stuckAfter;
  }

  void check() {
    LocalDateTime now = LocalDateTime.now();
    for (Job job : jobs) {
      for (JobExecution e : repository.findRunningJobExecutions(job.getName())) {
        Duration idle = Duration.between(RunView.lastChange(e), now);
        if (idle.compareTo(stuckAfter) > 0) {
          alerter.stuck(RunView.of(e), idle);
        }
      }
    }
  }

}
