package org.plumbline.cli;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs a job now, e.g. `plumbline run nightly`: load the inbox, reconcile, report, publish.",
        "Refused while another run is going on (the warehouse has one writer) or while `plumbline serve` "
            + "owns the warehouse (launch it from the console then).",
        "On a terminal it shows a progress bar; otherwise one line per file. Ctrl-C or SIGTERM stops the run "
            + "so that `plumbline restart RUN` can continue it."},
    footer = {"", ExitCodes.HELP})
final class RunCommand implements Callable<Integer> {

  @ParentCommand
  PlumblineCommand parent;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "JOB", description = "The job to run: nightly.")
  String job;

  @Parameters(index = "1", arity = "0..1", paramLabel = "PERIOD",
      description = "The period to judge: a day (2026-01-31, the data as of that day; the report covers the last "
          + "period over before it) or a month (2026-01: the data as of the 1st of the next month, when the month is "
          + "over, so that the monthly report covers it). "
          + "Default: today. A date before the latest run's re-issues that past report under a name of its own "
          + "and leaves e-mail, the analysts' copy and the lake alone.")
  String period;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "Same as PERIOD given as a day (yyyy-mm-dd).")
  LocalDate asOf;

  @Override
  public Integer call() {
    LocalDate judged = judgedDate();
    try (ConfigurableApplicationContext context = ApplicationContexts.start(parent.home())) {
      return JobRunner.exitCode(new JobRunner(context, spec.commandLine().getOut()).run(job, judged));
    }
  }

  private LocalDate judgedDate() {
    if (period != null && asOf != null) {
      throw new UsageException("Give the period either as PERIOD or with --as-of, not both.");
    }
    if (asOf != null) {
      return asOf;
    }
    if (period == null) {
      return LocalDate.now();
    }
    try {
      // A month is judged once it is over: as of its last day it is still running (rpt_report_period
      // reports the last period over before the as-of date, and int_source_gap leaves a running
      // period unmeasured), so `run nightly 2026-01` would report December.
      return period.length() == 7 ? YearMonth.parse(period).plusMonths(1).atDay(1) : LocalDate.parse(period);
    } catch (DateTimeParseException e) {
      throw new UsageException("The period '" + period + "' is neither a day (2026-01-31) nor a month (2026-01).");
    }
  }
}
