package org.plumbline.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.plumbline.delivery.Outcome;
import org.plumbline.delivery.ReportDelivery;
import org.plumbline.operations.RunHistory;
import org.plumbline.operations.UnknownRunException;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "resend", mixinStandardHelpOptions = true,
    description = {"E-mails reports again over the mail server in config/application.yml"
        + " (plumbline.delivery.email): the e-mails of run RUN that could not be sent, e.g. `plumbline resend 42`,"
        + " or one report of the outbox to a list or to addresses, e.g."
        + " `plumbline resend --report executive-summary_as-of-2026-01-31.pdf --list executives`.",
        "Each e-mail is tried as configured (attempts, backoff) and recorded in the ledger's report_delivery"
            + " table. Needs the warehouse: while `plumbline serve` runs, it cannot run."},
    footer = {"", ExitCodes.HELP, "  For resend, 1 means some e-mails could still not be sent; each is listed"
        + " with why, and recorded."})
final class ResendCommand implements Callable<Integer> {

  @ParentCommand
  PlumblineCommand parent;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "RUN",
      description = "The run whose failed e-mails to send again (its number in `plumbline status`).")
  Long run;

  @Option(names = "--report", paramLabel = "FILE",
      description = "A report in the outbox to send, by file name, e.g. executive-report_PROD_as-of-2026-01-31.pdf.")
  String report;

  @Option(names = "--list", paramLabel = "NAME",
      description = "The distribution list to send --report to (plumbline.delivery.email.lists.NAME).")
  String list;

  @Option(names = "--to", paramLabel = "ADDRESS", split = ",",
      description = "Addresses to send --report to (repeat, or separate with commas).")
  List<String> to = List.of();

  @Override
  public Integer call() {
    if ((run == null) == (report == null)) {
      throw new UsageException("Give either RUN (resend the e-mails of that run that failed) or --report FILE"
          + " with --list NAME or --to ADDRESS (send one report again), e.g. `plumbline resend 42`.");
    }
    if (report != null && list == null && to.isEmpty()) {
      throw new UsageException("Say where --report goes: --list NAME (a list in config/application.yml) or"
          + " --to ADDRESS.");
    }
    if (run != null && (list != null || !to.isEmpty())) {
      throw new UsageException("--list and --to go with --report; RUN alone resends that run's failed e-mails to"
          + " whom they were meant for.");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (!java.nio.file.Files.exists(parent.home().warehouseFile())) {
      throw new UsageException("There is no warehouse in " + parent.home().root() + " yet, so no report to resend:"
          + " run `plumbline run nightly` first.");
    }
    try (ConfigurableApplicationContext context = ApplicationContexts.start(parent.home())) {
      if (run != null && context.getBean(RunHistory.class).find(run).isEmpty()) {
        throw new UnknownRunException(run);
      }
      ReportDelivery delivery = context.getBean(ReportDelivery.class);
      ReportDelivery.Result result;
      try {
        result = run != null ? delivery.resendFailed(run) : delivery.resend(report, list, to);
      } catch (ReportDelivery.NothingToResendException e) {
        throw new UsageException(e.getMessage());
      }
      return print(out, result);
    }
  }

  private int print(PrintWriter out, ReportDelivery.Result result) {
    if (result.outcomes().isEmpty()) {
      out.println("Nothing to resend: every e-mail of run " + run + " was sent.");
      out.flush();
      return ExitCodes.OK;
    }
    for (Outcome o : result.outcomes()) {
      out.printf("%-6s %s to %s%s%n", o.sent() ? "sent" : "FAILED", o.mail().reportFile(), o.mail().recipient(),
          o.sent() ? "" : " after " + o.attempts() + " attempt" + (o.attempts() == 1 ? "" : "s") + ": " + o.reason());
    }
    int failed = result.failed().size();
    out.println(failed == 0
        ? "All " + result.sent() + " e-mail" + (result.sent() == 1 ? "" : "s") + " sent; recorded in the ledger's"
            + " report_delivery table."
        : failed + " of " + result.outcomes().size() + " e-mails could not be sent (recorded); the reports stay in"
            + " the outbox. Fix the cause, then run this again.");
    out.flush();
    return failed == 0 ? ExitCodes.OK : ExitCodes.JOB_FAILED;
  }
}
