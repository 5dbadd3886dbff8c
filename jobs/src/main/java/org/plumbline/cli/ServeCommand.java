package org.plumbline.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.plumbline.operations.ServeInfo;
import org.plumbline.operations.Serving;
import org.plumbline.schedule.Schedules;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Runs Plumbline unattended: the scheduler (cron expressions under plumbline.schedule in "
        + "config/application.yml), the web console, and the health and metrics endpoints.",
        "It owns the warehouse while it runs: `run`, `restart` and `demo` then say so and exit with 4; "
            + "`status`, `history` and `stop` keep working. SIGTERM stops a running run so that it can be "
            + "restarted, then exits."},
    footer = {"", ExitCodes.HELP})
final class ServeCommand implements Callable<Integer> {

  @ParentCommand
  PlumblineCommand parent;

  @Spec
  CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", description = "The console's port (default: server.port, else 8080).")
  Integer port;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    String[] args = port == null ? new String[0] : new String[] {"--server.port=" + port};
    ConfigurableApplicationContext context = ApplicationContexts.serve(parent.home(), new Class<?>[0], args);
    CountDownLatch closed = new CountDownLatch(1);
    context.addApplicationListener(event -> {
      if (event instanceof ContextClosedEvent) {
        closed.countDown();
      }
    });
    try {
      String url = "http://localhost:" + context.getEnvironment().getProperty("local.server.port") + "/";
      ServeInfo info = Serving.claim(context, url);
      out.println("Plumbline serves " + parent.home().root() + " (process " + info.pid() + ")");
      out.println("Console:   " + url);
      out.println("Health:    " + url + "actuator/health");
      context.getBean(Schedules.class).describe().forEach(line -> out.println("Schedule:  " + line));
      if (context.getBean(org.plumbline.console.ConsoleProperties.class).users().isEmpty()) {
        out.println("Nobody can log in yet: add users under plumbline.console.users in "
            + parent.home().config().resolve("application.yml") + " (`plumbline hash-password` makes the hashes).");
      }
      out.flush();
    } catch (RuntimeException e) {
      context.close();
      throw e;
    }
    closed.await();
    return ExitCodes.OK;
  }
}
