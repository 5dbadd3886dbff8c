package org.plumbline.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.plumbline.operations.RunControl;
import org.plumbline.operations.RunHistory;
import org.plumbline.operations.RunView;
import org.plumbline.system.Warehouse;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "stop", mixinStandardHelpOptions = true,
    description = {"Stops a running run, whichever process runs it (a `run` command or `serve`): it ends after "
        + "the file it is loading, or its current warehouse statement is interrupted. The run can then be "
        + "continued with `plumbline restart RUN`.",
        "Works through the job repository, so it works while `plumbline serve` owns the warehouse; a run whose "
            + "process is gone (the warehouse is free) is said to be so at once, exit code 6."},
    footer = {"", ExitCodes.HELP})
final class StopCommand implements Callable<Integer> {

  @ParentCommand
  PlumblineCommand parent;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN", description = "The run's number, as `plumbline status` shows it.")
  long executionId;

  @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "120",
      description = "How long to wait for the run to end (default 120; 0 returns at once).")
  int waitSeconds;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (ConfigurableApplicationContext context = ApplicationContexts.start(parent.home())) {
      RunHistory history = context.getBean(RunHistory.class);
      RunView before = history.find(executionId).orElse(null);
      // A run's process holds its liveness lock and the warehouse (the fallback for a run from
      // before liveness locks): with neither held nobody would pick up the request.
      if (before != null && (before.cutOff()
          || before.running() && Warehouse.isFree(parent.home().warehouseFile()))) {
        out.println("Run " + executionId + " reads " + before.status() + ", but no process runs it: the warehouse"
            + " is free, so the process that ran it is gone (killed, or its machine stopped). Nothing is half-loaded:"
            + " continue it with: " + before.restartCommand());
        return ExitCodes.REFUSED;
      }
      out.println(context.getBean(RunControl.class).stop(executionId));
      out.flush();
      long deadline = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
      RunView run = history.find(executionId).orElseThrow();
      while (run.running() && System.nanoTime() < deadline) {
        Thread.sleep(500);
        run = history.find(executionId).orElseThrow();
      }
      if (run.running()) {
        out.println("Run " + executionId + " is still " + run.status() + " after " + waitSeconds + " s; "
            + "`plumbline status` shows when it has stopped. If its process is gone, restart it with: "
            + run.restartCommand());
        return waitSeconds == 0 ? ExitCodes.OK : ExitCodes.REFUSED;
      }
      out.println("Run " + executionId + " ended " + run.status() + ". Continue it with: " + run.restartCommand());
      return ExitCodes.OK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.ERROR;
    }
  }
}
