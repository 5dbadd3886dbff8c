package org.plumbline.cli;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.plumbline.operations.RunHistory;
import org.plumbline.operations.RunView;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true,
    description = "Lists past runs, one line each, newest first: number, job, period, status, start, duration, "
        + "and the failure, the run a restart continued it as, or each step that ended COMPLETED WITH … "
        + "(`plumbline status` says what). Reads only the job repository, so it works while a run is going on.",
    footer = {"", ExitCodes.HELP})
final class HistoryCommand implements Callable<Integer> {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @ParentCommand
  PlumblineCommand parent;

  @Spec
  CommandSpec spec;

  @Option(names = "--last", paramLabel = "N", defaultValue = "20", description = "How many runs to list (default 20).")
  int last;

  @Override
  public Integer call() {
    if (last < 1) {
      throw new UsageException("--last must be 1 or more (how many runs to show), not " + last + ".");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (ConfigurableApplicationContext context = ApplicationContexts.start(parent.home())) {
      List<RunView> runs = context.getBean(RunHistory.class).latest(last);
      if (runs.isEmpty()) {
        out.println("No runs yet. Start one with `plumbline demo` or `plumbline run nightly`.");
        return ExitCodes.OK;
      }
      out.printf("%6s  %-8s %-20s %-10s %-19s %10s  %s%n", "run", "job", "as of", "status", "started", "took",
          "failure or note");
      for (RunView r : runs) {
        out.printf("%6d  %-8s %-20s %-10s %-19s %10s  %s%n", r.id(), r.job(), r.asOfShown(), r.shownStatus(),
            r.start() == null ? "" : WHEN.format(r.start()), r.took(), remark(r));
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** The failure, the run that continued it, and the steps that completed with something to say. */
  private static String remark(RunView r) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    if (!r.failure().isEmpty()) {
      parts.add(r.failure());
    }
    if (r.continued()) {
      parts.add("continued as run " + r.continuedBy());
    }
    if (!r.outcomes().isEmpty()) {
      parts.add(r.outcomes());
    }
    return String.join("; ", parts);
  }
}
