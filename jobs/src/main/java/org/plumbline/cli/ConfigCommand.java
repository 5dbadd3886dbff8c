package org.plumbline.cli;

import java.util.concurrent.Callable;
import org.plumbline.governance.ConfigCheck;
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
      description = "Validates config/governance/*.yml and lists every problem with file, line and key.",
      footer = {"", ExitCodes.HELP})
  static final class Check implements Callable<Integer> {

    @ParentCommand
    ConfigCommand config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      PlumblineCommand root = (PlumblineCommand) spec.commandLine().getParent().getParent().getCommand();
      ConfigCheck.Report report = new ConfigCheck().check(root.home().governance());
      (report.ok() ? spec.commandLine().getOut() : spec.commandLine().getErr()).println(report.text());
      return report.ok() ? ExitCodes.OK : ExitCodes.CONFIG_INVALID;
    }
  }
}
