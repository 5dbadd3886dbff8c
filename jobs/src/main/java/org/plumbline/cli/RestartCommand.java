package org.plumbline.cli;

import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "restart", mixinStandardHelpOptions = true,
    description = {"Continues a failed, stopped or killed run where it stopped; files already loaded are not "
        + "loaded again. The continuation is a new run with its own number; the run it continues keeps its status "
        + "and shows 'continued as run N', and is not restarted again.",
        "A run left 'STARTED' by a killed process is first marked failed: holding the warehouse proves that no "
            + "other process is still running it."},
    footer = {"", ExitCodes.HELP})
final class RestartCommand implements Callable<Integer> {

  @ParentCommand
  PlumblineCommand parent;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN", description = "The run's number, as `plumbline history` shows it.")
  long executionId;

  @Override
  public Integer call() {
    try (ConfigurableApplicationContext context = ApplicationContexts.start(parent.home())) {
      return JobRunner.exitCode(new JobRunner(context, spec.commandLine().getOut()).restart(executionId));
    }
  }
}
