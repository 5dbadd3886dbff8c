package org.plumbline.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Lists the latest runs with their steps' read, written and skipped counts. "
        + "Reads only the job repository, so it works while a run is going on.",
    footer = {"", ExitCodes.HELP})
final class StatusCommand implements Callable<Integer> {

  @ParentCommand
  PlumblineCommand parent;

  @Spec
  CommandSpec spec;

  @Option(names = "--last", paramLabel = "N", defaultValue = "5", description = "How many runs to show (default 5).")
  int last;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (ConfigurableApplicationContext context = ApplicationContexts.start(parent.home())) {
      JobRepository repository = context.getBean(JobRepository.class);
      List<JobExecution> executions = new ArrayList<>();
      for (String job : repository.getJobNames()) {
        for (JobInstance instance : repository.getJobInstances(job, 0, last)) {
          executions.addAll(repository.getJobExecutions(instance));
        }
      }
      if (executions.isEmpty()) {
        out.println("No runs yet. Start one with `plumbline demo` or `plumbline run nightly`.");
        return ExitCodes.OK;
      }
      executions.sort(Comparator.comparingLong(JobExecution::getId).reversed());
      for (JobExecution e : executions.subList(0, Math.min(last, executions.size()))) {
        print(out, e);
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  private static void print(PrintWriter out, JobExecution e) {
    String took = e.getStartTime() == null || e.getEndTime() == null ? "" : String.format(" in %.1f s",
        Duration.between(e.getStartTime(), e.getEndTime()).toMillis() / 1000.0);
    out.printf("Run %d  %s  as of %s  %s%s  started %s%n", e.getId(), e.getJobInstance().getJobName(),
        e.getJobParameters().getString("asOf"), e.getStatus(), took, e.getStartTime());
    for (StepExecution s : e.getStepExecutions()) {
      out.printf("    %-10s %-10s read %d, written %d, skipped %d%n", s.getStepName(), s.getStatus(),
          s.getReadCount(), s.getWriteCount(), s.getFilterCount() + s.getSkipCount());
    }
    if (!e.getStatus().isRunning() && e.getStatus() != org.springframework.batch.core.BatchStatus.COMPLETED) {
      String exit = e.getExitStatus().getExitDescription();
      if (exit != null && !exit.isBlank()) {
        out.println("    failure: " + exit.lines().findFirst().orElse(""));
      }
      out.println("    restart: plumbline restart " + e.getId());
    }
  }
}
