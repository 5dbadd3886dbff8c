package org.plumbline.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import org.plumbline.operations.RunControl;
import org.plumbline.operations.RunView;
import org.plumbline.system.PlumblineHome;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

/** Launches or restarts a job in this process, shows its progress and prints what it did. */
final class JobRunner {

  private final ConfigurableApplicationContext context;
  private final PrintWriter out;

  JobRunner(ConfigurableApplicationContext context, PrintWriter out) {
    this.context = context;
    this.out = out;
  }

  JobExecution run(String jobName, LocalDate asOf) {
    RunControl runs = runs();
    return report(runs.run(jobName, asOf));
  }

  JobExecution restart(long executionId) {
    RunControl runs = runs();
    return report(runs.restart(executionId));
  }

  /** The exit code for how a run ended. */
  static int exitCode(JobExecution execution) {
    return switch (execution.getStatus()) {
      case COMPLETED -> ExitCodes.OK;
      case STOPPED, STOPPING -> ExitCodes.STOPPED;
      default -> ExitCodes.JOB_FAILED;
    };
  }

  private RunControl runs() {
    RunControl runs = context.getBean(RunControl.class);
    runs.progress().addSink(TerminalProgress.forThisProcess(out));
    return runs;
  }

  private JobExecution report(JobExecution execution) {
    RunView run = RunView.of(execution);
    out.printf("Run %d of job %s (as of %s): %s in %s%n", run.id(), run.job(), run.asOfShown(), run.status(), run.took());
    RunTable.print(out, run);
    if (run.status() == BatchStatus.COMPLETED) {
      PlumblineHome home = context.getBean(PlumblineHome.class);
      execution.getStepExecutions().stream()
          .filter(s -> s.getExecutionContext().containsKey("report"))
          .forEach(s -> out.println("Report:     " + s.getExecutionContext().getString("report")));
      out.println("Warehouse:  " + home.warehouseFile());
      execution.getStepExecutions().stream()
          .filter(s -> s.getExecutionContext().containsKey("published"))
          .forEach(s -> out.println("Analysts:   " + s.getExecutionContext().getString("published")));
    } else {
      if (!run.failure().isEmpty()) {
        out.println("Failed: " + run.failure());
      }
      out.println("Restart it with: " + run.restartCommand());
    }
    out.flush();
    return execution;
  }
}
