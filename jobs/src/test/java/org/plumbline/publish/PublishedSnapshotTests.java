package org.plumbline.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plumbline.cli.ApplicationContexts;
import org.plumbline.demo.DemoInboxGenerator;
import org.plumbline.demo.DemoStory;
import org.plumbline.system.ExampleConfig;
import org.plumbline.system.PlumblineHome;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Analysts read published snapshots from their own processes, with their own DuckDB
 * versions, while loads go on: never a lock error, never half a load.
 */
class PublishedSnapshotTests {

  @ParameterizedTest
  @ValueSource(strings = {"1.1.3", "1.4.3.0"})
  void aSnapshotOpensInTheDuckDbVersionsAnalystsRun(String version, @TempDir Path folder) throws Exception {
    // given a published snapshot of the demo
    DemoInDeliveries demo = homeWithDemoInbox(folder, 1);
    PlumblineHome home = demo.home();
    runNightly(home);
    Path snapshot = SnapshotPublisher.current(home);

    // when an analyst opens it with an older DuckDB
    Path driver = Path.of("target", "duckdb-versions", "duckdb_jdbc-" + version + ".jar");
    Process reader = analyst(driver, "once", snapshot.toString()).start();
    String output = new String(reader.getInputStream().readAllBytes()).strip();

    // then it reads the whole, consistent ledger
    assertThat(reader.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(output).startsWith("OK v" + version.substring(0, 3)).endsWith(" " + demo.files() + " true");
    assertThat(reader.exitValue()).isZero();
  }

  @Test
  void anAnalystQueryingInALoopDuringLoadsSeesOnlyWholeRuns(@TempDir Path folder) throws Exception {
    // given the demo inbox delivered in three parts and an analyst's process following CURRENT
    DemoInDeliveries demo = homeWithDemoInbox(folder, 3);
    Path stop = folder.resolve("stop-reading");
    Path log = folder.resolve("analyst.log");
    Process analyst = analyst(Path.of(System.getProperty("java.class.path")), "loop",
        demo.home().published().toString(), stop.toString()).redirectOutput(log.toFile()).start();

    // when three loads run, one per delivery
    for (List<Path> delivery : demo.deliveries()) {
      for (Path file : delivery) {
        Files.move(file, demo.home().inbox().resolve(file.getFileName()));
      }
      runNightly(demo.home());
      Thread.sleep(300);
    }
    Files.createFile(stop);
    assertThat(analyst.waitFor(60, TimeUnit.SECONDS)).isTrue();

    // then every query succeeded on a consistent state, and it saw the loads arrive
    List<String> lines = Files.readAllLines(log);
    assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("OK ").endsWith(" true"));
    assertThat(lines.stream().map(l -> l.split(" ")[3]).distinct().count()).isGreaterThanOrEqualTo(2);
    assertThat(lines.get(lines.size() - 1)).endsWith(" " + demo.files() + " true");
  }

  private static void runNightly(PlumblineHome home) throws Exception {
    try (ConfigurableApplicationContext context = ApplicationContexts.start(home)) {
      var execution = context.getBean(JobOperator.class).start(context.getBean("nightly", Job.class),
          new JobParametersBuilder().addString("asOf", "2026-01-31").addLong("run", System.nanoTime())
              .toJobParameters());
      assertThat(execution.getStatus()).as("%s", execution.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
    }
  }

  private static ProcessBuilder analyst(Path classPath, String... args) {
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), "-cp",
        classPath + java.io.File.pathSeparator + Path.of("target", "test-classes"),
        SnapshotReaderMain.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true);
  }

  record DemoInDeliveries(PlumblineHome home, List<List<Path>> deliveries) {
    int files() {
      return deliveries.stream().mapToInt(List::size).sum();
    }
  }

  /** The demo's files, generated aside and split by arrival into {@code parts} deliveries. */
  private static DemoInDeliveries homeWithDemoInbox(Path folder, int parts) throws IOException {
    PlumblineHome home = new PlumblineHome(folder.resolve("home")).createFolders();
    ExampleConfig.writeIfAbsent(home);
    Path aside = folder.resolve("generated");
    List<Path> files = new ArrayList<>(new DemoInboxGenerator(DemoStory.load()).generate(aside).paths());
    files.sort(Comparator.comparing(PublishedSnapshotTests::arrival));
    List<List<Path>> deliveries = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      deliveries.add(files.subList(i * files.size() / parts, (i + 1) * files.size() / parts));
    }
    if (parts == 1) {
      for (Path file : files) {
        Files.move(file, home.inbox().resolve(file.getFileName()));
      }
    }
    return new DemoInDeliveries(home, deliveries);
  }

  private static java.nio.file.attribute.FileTime arrival(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
