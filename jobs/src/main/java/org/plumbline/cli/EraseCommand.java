package org.plumbline.cli;

import java.io.PrintWriter;
import java.util.List;
import javax.sql.DataSource;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.plumbline.erasure.Erased;
import org.plumbline.erasure.Eraser;
import org.plumbline.erasure.JobRepositoryErasure;
import org.plumbline.erasure.Person;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.PlumblineProperties;
import org.plumbline.system.Warehouse;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "erase", mixinStandardHelpOptions = true,
    description = {"Erases one person's data from everywhere Plumbline keeps it (a right-to-erasure request):"
        + " the ledger's raw text, the archived, waiting and rejected files (their names too: the ledger's paths"
        + " follow), the logs, the job repository's messages, parameters and contexts, the working warehouse file"
        + " and the published snapshots, where the name becomes [erased]. Records in the ledger's erasure_log when,"
        + " who asked, why, a SHA-256 of each spelling (never the name) and what changed where, then checks that no"
        + " table, no file and no file name under the home folder still holds the name (erasure_log.verified).",
        "Needs the warehouse: it cannot run while a job runs. The columns marked personal in"
            + " config/governance/confidentiality.yml are erased whole; elsewhere the name's text is replaced."},
    footer = {"", ExitCodes.HELP, "  For erase, 1 means the name is still found somewhere afterwards; the places are listed."})
final class EraseCommand implements Callable<Integer> {

  @ParentCommand
  PlumblineCommand parent;

  @Spec
  CommandSpec spec;

  @Option(names = "--person", required = true, paramLabel = "NAME",
      description = {"The person's name as it appears in the data, e.g. \"Sabine Hofmann\" (case does not matter).",
          "Repeat it for every spelling the data may hold (--person \"Jörg Müller\" --person \"Joerg Mueller\"):"
              + " all are erased in one run and logged as one erasure."})
  List<String> person;

  @Option(names = "--requested-by", required = true, paramLabel = "WHO",
      description = "Who asked for the erasure (kept in the erasure log).")
  String requestedBy;

  @Option(names = "--reason", required = true, paramLabel = "TEXT",
      description = "Why, e.g. the request's reference (kept in the erasure log).")
  String reason;

  @Override
  @SuppressWarnings("unchecked")
  public Integer call() throws Exception {
    Person who;
    try {
      who = new Person(person);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    if (requestedBy.isBlank() || reason.isBlank()) {
      throw new UsageException("--requested-by and --reason must say who asked and why; the erasure log keeps both.");
    }
    PrintWriter out = spec.commandLine().getOut();
    PlumblineHome home = parent.home();
    try (ConfigurableApplicationContext context = ApplicationContexts.start(home)) {
      GovernanceModel model = ((Supplier<GovernanceModel>) context.getBean("governance", Supplier.class)).get();
      PlumblineProperties properties = context.getBean(PlumblineProperties.class);
      PlumblineHome resolved = context.getBean(PlumblineHome.class);
      Supplier<Warehouse> opener = () -> Warehouse.open(resolved.warehouseFile(),
          properties.warehouse().memoryLimit(), properties.warehouse().threads());
      JobRepositoryErasure.Target jobRepository = new JobRepositoryErasure.Target(
          context.getBean(DataSource.class), context.getBean(JobRepository.class));
      Eraser.Result result = new Eraser(resolved, opener, model, jobRepository)
          .erase(who, requestedBy.strip(), reason.strip());
      print(out, result, who);
      return result.remaining().isEmpty() ? ExitCodes.OK : ExitCodes.JOB_FAILED;
    }
  }

  private static void print(PrintWriter out, Eraser.Result result, Person who) {
    out.printf("Erasure %d (person SHA-256 %s%s): %d occurrence%s in %d place%s.%n", result.erasureId(), who.sha256(),
        who.spellings() == 1 ? "" : " and " + (who.spellings() - 1) + " more spelling" + (who.spellings() == 2 ? "" : "s"),
        result.occurrences(), result.occurrences() == 1 ? "" : "s", result.erased().size(),
        result.erased().size() == 1 ? "" : "s");
    if (!result.erased().isEmpty()) {
      out.printf("  %-60s %8s %12s%n", "place", "items", "occurrences");
      for (Erased e : result.erased()) {
        out.printf("  %-60s %8d %12d%n", e.place(), e.items(), e.occurrences());
      }
    }
    if (result.published() != null) {
      out.println("Analysts:   " + result.published() + " (republished; snapshots that held the name are removed)");
    }
    if (result.remaining().isEmpty()) {
      out.println("Checked: no table, no file and no file name under the home folder, and nothing in the job"
          + " repository holds the name any more (erasure_log.verified = true).");
    } else {
      out.println("The name is still found in:");
      result.remaining().forEach(r -> out.printf("  %s (%d)%n", r.place(), r.occurrences()));
      out.println("Erase it there by hand (e.g. the configuration), or run erase again once the cause is fixed"
          + " (erasure_log.verified = false).");
    }
    out.println("Logged in the ledger's erasure_log and erasure_log_place (see docs/analysts.md).");
    out.flush();
  }
}
