package org.plumbline.operations;

import java.nio.file.Path;
import java.time.LocalDate;
import org.plumbline.cli.ApplicationContexts;
import org.plumbline.ingest.IngestListener;
import org.plumbline.system.PlumblineHome;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The nightly job in a process of its own, as `plumbline run` runs it, with each file's ingest
 * slowed down so that a test can kill or stop it in the middle of ingest.
 * Arguments: home folder, as-of date.
 */
public final class ChildProcessRun {

  static final long PAUSE_AFTER_EACH_FILE_MS = 150;

  @Configuration(proxyBeanMethods = false)
  static class SlowIngest {
    @Bean
    IngestListener pauseAfterEachFile() {
      return outcome -> {
        try {
          Thread.sleep(PAUSE_AFTER_EACH_FILE_MS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      };
    }
  }

  public static void main(String[] args) {
    PlumblineHome home = new PlumblineHome(Path.of(args[0]));
    try (ConfigurableApplicationContext context = ApplicationContexts.start(home, new Class<?>[] {SlowIngest.class})) {
      var execution = context.getBean(RunControl.class).run("nightly", LocalDate.parse(args[1]));
      System.out.println("ENDED " + execution.getId() + " " + execution.getStatus());
    }
  }

  public static Process start(PlumblineHome home, String asOf) throws java.io.IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        ChildProcessRun.class.getName(), home.root().toString(), asOf)
        .redirectErrorStream(true)
        .redirectOutput(home.root().resolve("child.out").toFile())
        .start();
  }

  /** Waits until the child run has archived {@code files} files (it is then part-way through ingest). */
  public static void awaitArchivedFiles(PlumblineHome home, int files, Process child) throws Exception {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
    while (archivedCount(home) < files) {
      if (!child.isAlive()) {
        throw new AssertionError("The child run ended early: "
            + java.nio.file.Files.readString(home.root().resolve("child.out")));
      }
      if (System.nanoTime() > deadline) {
        child.destroyForcibly();
        throw new AssertionError("The child run archived no " + files + " files in 90 s.");
      }
      Thread.sleep(20);
    }
  }

  private static long archivedCount(PlumblineHome home) throws java.io.IOException {
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(home.archive())) {
      return files.filter(java.nio.file.Files::isRegularFile).count();
    }
  }
}
