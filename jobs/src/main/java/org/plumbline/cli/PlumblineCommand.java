package org.plumbline.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.plumbline.governance.ConfigInvalidException;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.Warehouse;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code plumbline} command line. */
@Command(name = "plumbline", mixinStandardHelpOptions = true, version = "Plumbline 0.1.0",
    description = "Loads departmental spreadsheets and system exports, holds them against the governance "
        + "model and reports the gap between policy and execution.",
    subcommands = {DemoCommand.class, RunCommand.class, RestartCommand.class, StatusCommand.class,
        ConfigCommand.class, PreviewCommand.class, EraseCommand.class, CommandLine.HelpCommand.class},
    footer = {"", ExitCodes.HELP})
public final class PlumblineCommand implements Callable<Integer> {

  @Option(names = "--home", scope = CommandLine.ScopeType.INHERIT, paramLabel = "DIR",
      description = "The folder holding config, inbox, warehouse and outbox (default: $PLUMBLINE_HOME, else ./var).")
  String home;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  PlumblineHome home() {
    return PlumblineHome.resolve(home);
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.USAGE;
  }

  /** Runs the command line and returns the exit code; never lets a stack trace reach the user. */
  public static int execute(String... args) {
    CommandLine commandLine = new CommandLine(new PlumblineCommand());
    commandLine.setExecutionExceptionHandler(PlumblineCommand::handle);
    return commandLine.execute(args);
  }

  private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    ConfigInvalidException config = find(e, ConfigInvalidException.class);
    if (config != null) {
      err.println(config.getMessage());
      return ExitCodes.CONFIG_INVALID;
    }
    Warehouse.WarehouseUnavailableException busy = find(e, Warehouse.WarehouseUnavailableException.class);
    if (busy != null) {
      err.println(busy.getMessage());
      return ExitCodes.WAREHOUSE_BUSY;
    }
    UsageException usage = find(e, UsageException.class);
    if (usage != null) {
      err.println(usage.getMessage());
      return ExitCodes.USAGE;
    }
    LoggerFactory.getLogger(PlumblineCommand.class).error("Command failed", e);
    err.println("Plumbline stopped: " + Messages.plain(e) + " (details in the log under <home>/logs).");
    return ExitCodes.ERROR;
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
