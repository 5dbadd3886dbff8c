package org.plumbline.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.cli.PlumblineCommand;
import org.plumbline.system.ExampleConfig;
import org.plumbline.system.PlumblineHome;

/**
 * `plumbline serve`, in a process of its own, owns the warehouse: a demo or a run from the command
 * line says so and where the console is (exit 4), and the demo leaves serve's inbox as it was.
 */
class BesideServeTests {

  @Test
  void aDemoOrRunBesideServeIsSentToTheConsoleAndTheDemoWritesNoFile(@TempDir Path folder) throws Exception {
    // given serve running for a home with the example configuration and an empty inbox
    PlumblineHome home = new PlumblineHome(folder).createFolders();
    ExampleConfig.writeIfAbsent(home);
    Process serve = startServe(home);
    try {
      ServeInfo info = awaitServe(home, serve);

      // when a demo and a run are started from the command line
      for (String[] command : new String[][] {{"demo"}, {"run", "nightly"}}) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("--home", home.root().toString()),
            java.util.Arrays.stream(command)).toArray(String[]::new);
        int code = PlumblineCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);

        // then each says serve owns the warehouse, naming its console, and exits with 4
        assertThat(code).as(command[0] + ": " + err).isEqualTo(4);
        assertThat(err.toString().strip()).isEqualTo(info.ownsTheWarehouse());
        assertThat(out.toString()).doesNotContain("Generated the demo inbox");
      }
      // and no demo file waits in serve's inbox for its next run
      assertThat(home.inbox()).isEmptyDirectory();
    } finally {
      serve.destroy();
      assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("serve ends after a SIGTERM").isTrue();
    }
  }

  private static Process startServe(PlumblineHome home) throws java.io.IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        org.plumbline.PlumblineApplication.class.getName(), "--home", home.root().toString(), "serve", "--port", "0")
        .redirectErrorStream(true)
        .redirectOutput(home.root().resolve("serve.out").toFile())
        .start();
  }

  /** Waits until serve has claimed the warehouse and left its note (it writes the note after the claim). */
  private static ServeInfo awaitServe(PlumblineHome home, Process serve) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      var info = ServeInfo.read(home);
      if (info.isPresent()) {
        return info.get();
      }
      if (!serve.isAlive()) {
        throw new AssertionError("serve ended early: " + Files.readString(home.root().resolve("serve.out")));
      }
      Thread.sleep(200);
    }
    serve.destroyForcibly();
    throw new AssertionError("serve did not start in 180 s: " + Files.readString(home.root().resolve("serve.out")));
  }
}
