package org.plumbline.cli;

import java.util.concurrent.Callable;
import org.plumbline.system.Warehouse;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "restart", mixinStandardHelpOptions = true,
    description = "Restarts a failed or killed run where it stopped; files already loaded are not loaded again.",
    footer = {"", ExitCodes.HELP})
final class RestartCommand implements Callable<Integer> {

  @ParentCommand
  PlumblineCommand parent;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN", description = "The run's number, as `plumbline status` shows it.")
  long executionId;

  @Override
  public Integer call() throws Exception {
    try (ConfigurableApplicationContext context = ApplicationContexts.start(parent.home())) {
      // Holding the warehouse proves no other process is still running this execution.
      context.getBean(Warehouse.class);
      BatchStatus status = new JobRunner(context, spec.commandLine().getOut()).restart(executionId).getStatus();
      return status == BatchStatus.COMPLETED ? ExitCodes.OK : ExitCodes.JOB_FAILED;
    }
  }
}
