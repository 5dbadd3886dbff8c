package org.plumbline.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs a job now, e.g. `plumbline run nightly`: load the inbox, reconcile, report, publish.",
    footer = {"", ExitCodes.HELP})
final class RunCommand implements Callable<Integer> {

  @ParentCommand
  PlumblineCommand parent;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "JOB", description = "The job to run: nightly.")
  String job;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "Judge the data as known at the end of this day (yyyy-mm-dd; default: today).")
  LocalDate asOf;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (ConfigurableApplicationContext context = ApplicationContexts.start(parent.home())) {
      BatchStatus status = new JobRunner(context, out).run(job, asOf == null ? LocalDate.now() : asOf).getStatus();
      return status == BatchStatus.COMPLETED ? ExitCodes.OK : ExitCodes.JOB_FAILED;
    }
  }
}
