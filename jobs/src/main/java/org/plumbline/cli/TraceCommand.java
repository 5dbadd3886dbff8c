package org.plumbline.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.plumbline.findings.FindingKeys;
import org.plumbline.findings.FindingTrace;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "trace", mixinStandardHelpOptions = true,
    description = "Prints a finding and the files, sheets, rows and raw text behind it, e.g. "
        + "`plumbline trace POL-INSP-001/PROD/2025-W31`.",
    footer = {"", ExitCodes.HELP})
final class TraceCommand implements Callable<Integer> {

  @ParentCommand
  PlumblineCommand parent;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FINDING", description = "The finding's key, or a unique end of it.")
  String finding;

  @Option(names = "--max-rows", paramLabel = "N", defaultValue = "50",
      description = "How many raw rows to print (default 50; 0 prints all).")
  int maxRows;

  @Override
  public Integer call() throws SQLException {
    PrintWriter out = spec.commandLine().getOut();
    try (Connection duckdb = readOnly(parent.home())) {
      out.print(new FindingTrace(duckdb).trace(finding, Math.max(0, maxRows)));
      out.flush();
      return ExitCodes.OK;
    } catch (FindingKeys.UnknownFindingException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** Reading needs no write lock, but DuckDB still refuses while a run holds the file. */
  static Connection readOnly(PlumblineHome home) {
    if (!Files.exists(home.warehouseFile())) {
      throw new UsageException("There is no warehouse in " + home.root() + " yet: run `plumbline demo` or "
          + "`plumbline run nightly` first.");
    }
    try {
      return Warehouse.readOnly(home.warehouseFile());
    } catch (SQLException e) {
      throw new UsageException("The warehouse " + home.warehouseFile() + " is in use by a running job; trace the"
          + " finding when it has finished (`plumbline status` shows runs).");
    }
  }
}
