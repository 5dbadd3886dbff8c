package org.plumbline.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.plumbline.operations.RunHistory;
import org.plumbline.operations.RunView;
import org.plumbline.operations.ServeInfo;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Shows the latest runs in detail: status, duration, each step's read, written, skipped and "
        + "quarantined counts, the failure in plain words and the command to restart it. Reads only the job "
        + "repository, so it works while a run is going on.",
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
    if (last < 1) {
      throw new UsageException("--last must be 1 or more (how many runs to show), not " + last + ".");
    }
    PrintWriter out = spec.commandLine().getOut();
    ServeInfo.read(parent.home()).ifPresent(serve ->
        out.println("Plumbline serve is running (process " + serve.pid() + "), console at " + serve.url()));
    try (ConfigurableApplicationContext context = ApplicationContexts.start(parent.home())) {
      List<RunView> runs = context.getBean(RunHistory.class).latest(last);
      if (runs.isEmpty()) {
        out.println("No runs yet. Start one with `plumbline demo` or `plumbline run nightly`.");
        return ExitCodes.OK;
      }
      for (RunView r : runs) {
        out.printf("Run %d  %s  as of %s  %s  %s  started %s%n", r.id(), r.job(), r.asOfShown(), r.shownStatus(),
            r.took(), r.start());
        RunTable.print(out, r);
        if (r.cutOff()) {
          out.println("    " + r.cutOffNote());
        }
        if (!r.failure().isEmpty()) {
          out.println("    failure: " + r.failure());
        }
        if (r.continued()) {
          out.println("    continued as run " + r.continuedBy());
        }
        if (r.restartable()) {
          out.println("    restart: " + r.restartCommand());
        }
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
