package org.plumbline.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import org.plumbline.governance.ConfigInvalidException;
import org.plumbline.operations.RunRefusedException;
import org.plumbline.operations.ServeInfo;
import org.plumbline.operations.UnknownJobException;
import org.plumbline.operations.UnknownRunException;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.SettingsInvalidException;
import org.plumbline.system.Warehouse;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code plumbline} command line. */
@Command(name = "plumbline", mixinStandardHelpOptions = true, version = "Plumbline 0.1.0",
    description = "Loads departmental spreadsheets and system exports, holds them against the governance "
        + "model and reports the gap between policy and execution.",
    subcommands = {DemoCommand.class, RunCommand.class, RestartCommand.class, StopCommand.class,
        StatusCommand.class, HistoryCommand.class, ServeCommand.class, ConfigCommand.class, PreviewCommand.class,
        TraceCommand.class, AckCommand.class, ResendCommand.class, EraseCommand.class, ReloadCommand.class, HashPasswordCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", ExitCodes.HELP})
public final class PlumblineCommand implements Callable<Integer> {

  @Option(names = "--home", scope = CommandLine.ScopeType.INHERIT, paramLabel = "DIR",
      description = "The folder holding config, inbox, warehouse and outbox (default: $PLUMBLINE_HOME, else ./var).")
  String home;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /**
   * The home the command works in, which must be one already: a typo in --home must not make a
   * new, empty home that reads "no runs yet". Only demo makes a home ({@link #anyHome()}).
   */
  PlumblineHome home() {
    PlumblineHome resolved = anyHome();
    if (!resolved.exists()) {
      throw new UsageException((Files.isDirectory(resolved.root())
          ? resolved.root() + " is no Plumbline home: it has no config folder."
          : "There is no folder " + resolved.root() + ", so no Plumbline home there.")
          + " Check --home (or PLUMBLINE_HOME; the default is ./var). `plumbline demo --home DIR` makes a home with"
          + " an example configuration; a home of your own needs config/governance/*.yml (README.md, \"Onboard a new"
          + " company\").");
    }
    return resolved;
  }

  /** The home named by --home, PLUMBLINE_HOME or the default, whether or not it is one yet. */
  PlumblineHome anyHome() {
    return PlumblineHome.resolve(home);
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.USAGE;
  }

  /** Runs the command line and returns the exit code; never lets a stack trace reach the user. */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** As {@link #execute(String...)}, writing to the given streams (tests read what a user sees). */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new PlumblineCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
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
    SettingsInvalidException settings = find(e, SettingsInvalidException.class);
    if (settings != null) {
      err.println(settings.getMessage());
      return ExitCodes.CONFIG_INVALID;
    }
    Warehouse.WarehouseUnavailableException busy = find(e, Warehouse.WarehouseUnavailableException.class);
    if (busy != null) {
      PlumblineHome home = ((PlumblineCommand) commandLine.getCommandSpec().root().userObject()).anyHome();
      err.println(ServeInfo.read(home).map(ServeInfo::ownsTheWarehouse).orElse(busy.getMessage()));
      return ExitCodes.WAREHOUSE_BUSY;
    }
    RunRefusedException refused = find(e, RunRefusedException.class);
    if (refused != null) {
      err.println(refused.getMessage());
      return ExitCodes.REFUSED;
    }
    UsageException usage = find(e, UsageException.class);
    if (usage != null) {
      err.println(usage.getMessage());
      return ExitCodes.USAGE;
    }
    // A job or run number nobody knows is a mistake in the command, like an unknown load or finding.
    for (Class<? extends RuntimeException> unknown : List.of(UnknownJobException.class, UnknownRunException.class)) {
      RuntimeException mistake = find(e, unknown);
      if (mistake != null) {
        err.println(mistake.getMessage());
        return ExitCodes.USAGE;
      }
    }
    LoggerFactory.getLogger(PlumblineCommand.class).error("Command failed", e);
    err.println("Plumbline stopped: " + org.plumbline.operations.PlainWords.of(e) + " (details in the log under <home>/logs).");
    return ExitCodes.ERROR;
  }

  /** The exception of {@code type} among {@code e} and its causes, or null. */
  static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
