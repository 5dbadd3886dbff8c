package org.plumbline.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.system.PlumblineHome;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;

/** Launches or restarts a job in the running application and prints what it did. */
final class JobRunner {

  private final ConfigurableApplicationContext context;
  private final PrintWriter out;

  JobRunner(ConfigurableApplicationContext context, PrintWriter out) {
    this.context = context;
    this.out = out;
  }

  JobExecution run(String jobName, LocalDate asOf) throws Exception {
    checkConfiguration();
    Map<String, Job> jobs = context.getBeansOfType(Job.class);
    Job job = jobs.values().stream().filter(j -> j.getName().equals(jobName)).findFirst()
        .orElseThrow(() -> new UsageException("There is no job called '" + jobName + "'; the jobs are "
            + jobs.values().stream().map(Job::getName).sorted().toList() + "."));
    JobParameters parameters = new JobParametersBuilder()
        .addString("asOf", asOf.toString())
        .addLong("run", System.currentTimeMillis())
        .toJobParameters();
    return report(context.getBean(JobOperator.class).start(job, parameters));
  }

  JobExecution restart(long executionId) throws Exception {
    checkConfiguration();
    JobRepository repository = context.getBean(JobRepository.class);
    JobOperator operator = context.getBean(JobOperator.class);
    JobExecution execution = repository.getJobExecution(executionId);
    if (execution == null) {
      throw new UsageException("There is no run " + executionId + "; `plumbline status` lists the runs.");
    }
    if (execution.getStatus() == BatchStatus.STARTED || execution.getStatus() == BatchStatus.STOPPING) {
      // This process holds the warehouse, so no other process is running this execution:
      // it was killed. Mark it failed so that it can be restarted.
      operator.recover(execution);
      execution = repository.getJobExecution(executionId);
    }
    if (execution.getStatus() == BatchStatus.COMPLETED) {
      throw new UsageException("Run " + executionId + " completed; there is nothing to restart.");
    }
    return report(operator.restart(execution));
  }

  /** A broken governance model stops the command before a run starts, with every problem listed. */
  @SuppressWarnings("unchecked")
  private void checkConfiguration() {
    ((Supplier<GovernanceModel>) context.getBean("governance", Supplier.class)).get();
  }

  private JobExecution report(JobExecution execution) {
    Duration took = execution.getStartTime() == null || execution.getEndTime() == null
        ? Duration.ZERO : Duration.between(execution.getStartTime(), execution.getEndTime());
    out.printf("Run %d of job %s (as of %s): %s in %.1f s%n", execution.getId(),
        execution.getJobInstance().getJobName(), execution.getJobParameters().getString("asOf"),
        execution.getStatus(), took.toMillis() / 1000.0);
    out.printf("  %-10s %-10s %10s %10s %10s%n", "step", "status", "read", "written", "skipped");
    for (StepExecution step : execution.getStepExecutions()) {
      out.printf("  %-10s %-10s %10d %10d %10d%n", step.getStepName(), step.getStatus(), step.getReadCount(),
          step.getWriteCount(), step.getFilterCount() + step.getSkipCount());
    }
    if (execution.getStatus() == BatchStatus.COMPLETED) {
      PlumblineHome home = context.getBean(PlumblineHome.class);
      execution.getStepExecutions().stream()
          .filter(s -> s.getExecutionContext().containsKey("report"))
          .forEach(s -> out.println("Report:     " + s.getExecutionContext().getString("report")));
      out.println("Warehouse:  " + home.warehouseFile());
      execution.getStepExecutions().stream()
          .filter(s -> s.getExecutionContext().containsKey("published"))
          .forEach(s -> out.println("Analysts:   " + s.getExecutionContext().getString("published")));
    } else {
      for (Throwable failure : execution.getAllFailureExceptions()) {
        out.println("Failed: " + Messages.plain(failure));
      }
      out.println("Restart it with: plumbline restart " + execution.getId());
    }
    out.flush();
    return execution;
  }
}
