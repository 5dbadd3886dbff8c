package org.plumbline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.plumbline.governance.GovernanceLoader;
import org.plumbline.ingest.EarlierLoad;
import org.plumbline.ingest.FilePreview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "preview", mixinStandardHelpOptions = true,
    description = "Shows how a file would be read under its source (whether its bytes were loaded before, header,"
        + " first rows, typed values, what would be quarantined, or why it would be rejected) without loading"
        + " anything.",
    footer = {"", ExitCodes.HELP})
final class PreviewCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The file, named as it would arrive in the inbox.")
  Path file;

  @Option(names = "--rows", defaultValue = "10", description = "How many rows of each part to show (default 10).")
  int rows;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file)) {
      throw new UsageException("There is no file " + file + " to preview.");
    }
    if (rows < 1) {
      throw new UsageException("--rows must be 1 or more (how many rows of each part to show), not " + rows + ".");
    }
    PlumblineCommand root = (PlumblineCommand) spec.commandLine().getParent().getCommand();
    var model = new GovernanceLoader().load(root.home().governance());
    // First, as it decides what a delivery would do: the loader takes known bytes as a duplicate.
    String earlier = EarlierLoad.sentence(root.home().warehouseFile(), file);
    if (earlier != null) {
      spec.commandLine().getOut().println(earlier);
    }
    boolean readable = new FilePreview(model).show(file, rows, spec.commandLine().getOut());
    spec.commandLine().getOut().flush();
    return readable ? ExitCodes.OK : ExitCodes.JOB_FAILED;
  }
}
