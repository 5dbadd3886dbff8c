package org.plumbline.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import org.plumbline.governance.ConfigCheck;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.governance.PeriodBoundaryWarnings;
import org.plumbline.ingest.ReadingDrift;
import org.plumbline.operations.PlainWords;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.SettingsInvalidException;
import org.plumbline.system.Warehouse;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "config", mixinStandardHelpOptions = true, description = "Works with the configuration.",
    subcommands = ConfigCommand.Check.class)
final class ConfigCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.USAGE;
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = {"Validates config/governance/*.yml and lists every problem with file, line and key.",
          "Then checks config/application.yml as every command that reads it does at start-up (schedules, console"
              + " users, report delivery, report and warehouse settings): each problem with file, line and key.",
          "A valid model is then held against the files already loaded: a source whose loaded files were read"
              + " under other settings than it has now is a warning (their values stay as then read until"
              + " `plumbline reload --source ID`; the department a source is given and the KPIs its names stand for"
              + " follow the config now),"
              + " not a problem."},
      footer = {"", ExitCodes.HELP})
  static final class Check implements Callable<Integer> {

    @ParentCommand
    ConfigCommand config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      PlumblineCommand root = (PlumblineCommand) spec.commandLine().getParent().getParent().getCommand();
      PlumblineHome home = root.home();
      ConfigCheck.Report report = new ConfigCheck().check(home.governance());
      String settings = settingsProblems(home);
      if (!report.ok() || !settings.isEmpty()) {
        PrintWriter err = spec.commandLine().getErr();
        if (!report.ok()) {
          err.println(report.text());
        }
        if (!settings.isEmpty()) {
          err.println(settings);
        }
        return ExitCodes.CONFIG_INVALID;
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(report.text());
      Path settingsFile = home.config().resolve("application.yml");
      out.println(Files.exists(settingsFile) ? "Settings OK (" + settingsFile + ")."
          : "Settings OK: there is no " + settingsFile + ", so every setting has its default.");
      PeriodBoundaryWarnings.of(report.model()).forEach(w -> out.println("Warning: " + w));
      loadedFilesReadUnderOtherSettings(root.home(), report.model()).forEach(w -> out.println("Warning: " + w));
      out.flush();
      return ExitCodes.OK;
    }

    /**
     * The problems of config/application.yml, empty when there is none: found by starting the
     * application as every command does, so that this check and theirs cannot disagree.
     */
    private static String settingsProblems(PlumblineHome home) {
      try (ConfigurableApplicationContext context = ApplicationContexts.start(home)) {
        return "";
      } catch (RuntimeException e) {
        SettingsInvalidException invalid = PlumblineCommand.find(e, SettingsInvalidException.class);
        if (invalid == null) {
          throw e;
        }
        return invalid.getMessage();
      }
    }

    /**
     * The loaded files' settings against the model's, read from the warehouse without a write lock
     * and without migrating it (ReadingDrift): nothing when nothing was loaded yet.
     */
    private static List<String> loadedFilesReadUnderOtherSettings(PlumblineHome home, GovernanceModel model) {
      Path warehouse = home.warehouseFile();
      if (!Files.exists(warehouse)) {
        return List.of();
      }
      try (Connection readOnly = Warehouse.readOnly(warehouse)) {
        return ReadingDrift.of(readOnly, model).sentences();
      } catch (SQLException e) {
        return List.of("the loaded files were not compared with these settings, as the warehouse could not be read"
            + (e.getMessage() != null && e.getMessage().contains("lock")
                ? " while another Plumbline process (a run, `plumbline serve`) holds it; check again once it is free."
                : ": " + PlainWords.firstLineOf(e)));
      }
    }
  }
}
