package org.plumbline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.plumbline.demo.DemoInboxGenerator;
import org.plumbline.demo.DemoStory;
import org.plumbline.operations.RunControl;
import org.plumbline.system.ExampleConfig;
import org.plumbline.system.PlumblineHome;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Writes the example configuration (if the home has none), fills the inbox with a year of a "
        + "valve maker's spreadsheets and system exports, and runs the nightly job on them.",
    footer = {"", ExitCodes.HELP})
final class DemoCommand implements Callable<Integer> {

  @ParentCommand
  PlumblineCommand parent;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PlumblineHome home = parent.anyHome().createFolders();
    if (!ExampleConfig.writeIfAbsent(home).isEmpty()) {
      out.println("Wrote the example configuration to " + home.config());
    }
    try (ConfigurableApplicationContext context = ApplicationContexts.start(home)) {
      // Held before the inbox is filled: beside serve or a run, the demo's files would otherwise
      // wait in their inbox, for their next run to load them.
      context.getBean(RunControl.class).holdWarehouse();
      var generated = new DemoInboxGenerator(DemoStory.load()).generate(home.inbox());
      out.println("Generated the demo inbox in " + home.inbox() + " (" + generated.files().size() + " files)");
      LocalDate asOf = lastArrival(home.inbox());
      return JobRunner.exitCode(new JobRunner(context, out).run("nightly", asOf));
    }
  }

  /** The demo judges the year as known on the day its last file arrived. */
  private static LocalDate lastArrival(Path inbox) throws IOException {
    try (Stream<Path> files = Files.list(inbox)) {
      return files.map(p -> {
        try {
          return Files.getLastModifiedTime(p).toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).max(LocalDate::compareTo).orElse(LocalDate.now());
    }
  }
}
