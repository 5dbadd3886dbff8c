package org.plumbline.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.plumbline.findings.FindingAcknowledgements;
import org.plumbline.findings.FindingKeys;
import org.plumbline.system.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "ack", mixinStandardHelpOptions = true,
    description = "Acknowledges a finding with a note, kept with who and when; the next run shows it as "
        + "acknowledged. E.g. `plumbline ack POL-INSP-001/PROD/2025-W31 --by \"A. Weber\""
        + " --note \"8D report opened\"`.",
    footer = {"", ExitCodes.HELP})
final class AckCommand implements Callable<Integer> {

  @ParentCommand
  PlumblineCommand parent;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FINDING", description = "The finding's key, or a unique end of it.")
  String finding;

  @Option(names = "--note", required = true, paramLabel = "TEXT", description = "Why, or what is being done.")
  String note;

  @Option(names = "--by", paramLabel = "NAME", description = "Who acknowledges (default: the user name).")
  String by;

  @Override
  public Integer call() throws SQLException {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.exists(parent.home().warehouseFile())) {
      throw new UsageException("There is no warehouse in " + parent.home().root() + " yet: run `plumbline demo` or "
          + "`plumbline run nightly` first.");
    }
    String who = by != null ? by : System.getProperty("user.name");
    try (Warehouse warehouse = Warehouse.open(parent.home().warehouseFile(), "1GB", 1)) {
      String key = new FindingAcknowledgements(warehouse.connection(), Clock.systemUTC()).acknowledge(finding, note, who);
      out.println("Acknowledged " + key + " for " + who + ". The next run shows it as acknowledged.");
      return ExitCodes.OK;
    } catch (FindingKeys.UnknownFindingException | IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
