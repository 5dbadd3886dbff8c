package org.plumbline.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.cli.ApplicationContexts;
import org.plumbline.demo.DemoInboxGenerator;
import org.plumbline.demo.DemoStory;
import org.plumbline.demo.GeneratedInbox;
import org.plumbline.system.ExampleConfig;
import org.plumbline.system.PlumblineHome;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real run in a child process, killed (SIGKILL) or stopped (SIGTERM) in the middle of ingest,
 * then restarted: every row of every file is in the ledger exactly once.
 */
class CrashSafetyTests {

  static final int FILES_BEFORE_INTERRUPTION = 6;

  @Test
  void aRunKilledInTheMiddleOfIngestIsRestartedWithNoDuplicateAndNoMissingRow(@TempDir Path folder) throws Exception {
    // given a run of the demo inbox in its own process, part-way through ingest
    PlumblineHome home = demoHome(folder);
    GeneratedInbox inbox = new DemoInboxGenerator(DemoStory.load()).generate(home.inbox());
    Process child = ChildProcessRun.start(home, "2026-01-31");
    ChildProcessRun.awaitArchivedFiles(home, FILES_BEFORE_INTERRUPTION, child);

    // when it is killed outright
    child.destroyForcibly();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isEqualTo(137);
    assertThat(inboxCount(home)).as("files left in the inbox").isPositive();

    // then a stop says at once that no process runs it any more, and how to continue it
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int code = org.plumbline.cli.PlumblineCommand.execute(new java.io.PrintWriter(out, true),
        new java.io.PrintWriter(err, true), "--home", home.root().toString(), "stop", "1");
    assertThat(code).as(err.toString()).isEqualTo(6);
    assertThat(out.toString()).contains("Run 1 reads STARTED, but no process runs it: the warehouse is free")
        .contains("continue it with: plumbline restart 1");
    // and status shows it cut off, not as a run going on (its process's liveness lock is free)
    java.io.StringWriter status = new java.io.StringWriter();
    org.plumbline.cli.PlumblineCommand.execute(new java.io.PrintWriter(status, true),
        new java.io.PrintWriter(err, true), "--home", home.root().toString(), "status");
    assertThat(status.toString()).contains("Run 1  nightly  as of 2026-01-31  CUT OFF")
        .contains("It reads STARTED, but no process runs it any more (killed, or its machine stopped).")
        .contains("restart: plumbline restart 1");

    // and the run is left STARTED, and a restart marks it failed and completes it
    JobExecution restarted = restart(home, BatchStatus.STARTED);
    assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertEveryRowLoadedOnce(home, inbox);
    // and the run numbers go on where they were: the killed process's reserved numbers are not skipped
    assertThat(restarted.getId()).as("the restart's run number").isEqualTo(2L);
  }

  @Test
  void aRunStoppedWithSigtermEndsStoppedAndItsRestartLoadsEveryRowOnce(@TempDir Path folder) throws Exception {
    // given a run of the demo inbox in its own process, part-way through ingest
    PlumblineHome home = demoHome(folder);
    GeneratedInbox inbox = new DemoInboxGenerator(DemoStory.load()).generate(home.inbox());
    Process child = ChildProcessRun.start(home, "2026-01-31");
    ChildProcessRun.awaitArchivedFiles(home, FILES_BEFORE_INTERRUPTION, child);

    // when ops stop it gracefully (SIGTERM)
    child.destroy();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the process ends after a SIGTERM").isTrue();

    // then the run ended STOPPED, restartable, and its restart loads the rest
    assertThat(inboxCount(home)).as("files left in the inbox").isPositive();
    JobExecution restarted = restart(home, BatchStatus.STOPPED);
    assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertEveryRowLoadedOnce(home, inbox);
  }

  @Test
  void whileARunGoesOnInAnotherProcessRunAndDemoAreRefusedNamingItAndStopStopsIt(@TempDir Path folder) throws Exception {
    // given a run in another process, part-way through ingest; the extra files keep it in ingest
    // while this process starts three commands, however slow a loaded machine makes that
    PlumblineHome home = demoHome(folder);
    new DemoInboxGenerator(DemoStory.load()).generate(home.inbox());
    writeSmallErpExports(home, 400);
    Process child = ChildProcessRun.start(home, "2026-01-31");
    ChildProcessRun.awaitArchivedFiles(home, 3, child);

    // when ops launch another run, or a demo, then each is refused (exit 6) naming the run going on and
    // how to stop it, as a second launch in one process is: the warehouse has one writer
    for (String[] command : new String[][] {{"run", "nightly"}, {"demo"}}) {
      java.io.StringWriter out = new java.io.StringWriter();
      java.io.StringWriter err = new java.io.StringWriter();
      String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("--home", home.root().toString()),
          java.util.Arrays.stream(command)).toArray(String[]::new);
      int code = org.plumbline.cli.PlumblineCommand.execute(new java.io.PrintWriter(out, true),
          new java.io.PrintWriter(err, true), args);
      assertThat(code).as(command[0] + ": " + err).isEqualTo(6);
      assertThat(err.toString().strip()).isEqualTo("A run is already going on (run 1); runs never overlap because the"
          + " warehouse has one writer. Wait for it to end or stop it with: plumbline stop 1");
      // and the demo wrote no files for that run to find
      assertThat(out.toString()).doesNotContain("Generated the demo inbox");
    }

    // when ops stop the run from this process, then the other process stops it, restartable
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int code = org.plumbline.cli.PlumblineCommand.execute(new java.io.PrintWriter(out, true),
        new java.io.PrintWriter(err, true), "--home", home.root().toString(), "stop", "1");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Run 1 is stopping").contains("Continue it with: plumbline restart 1");
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(home.root().resolve("child.out"))).contains("ENDED 1 STOPPED");
    assertThat(inboxCount(home)).isPositive();
  }

  /**
   * One-row ERP exports of distinct contents (so none is a re-delivery), loaded after the demo's
   * files; written an hour ago, as a file written in the last seconds waits for the next run.
   */
  private static void writeSmallErpExports(PlumblineHome home, int files) throws Exception {
    java.nio.file.attribute.FileTime anHourAgo =
        java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600));
    for (int i = 0; i < files; i++) {
      Path file = Files.writeString(home.inbox().resolve(String.format("erp_production_2026-02-extra-%03d.csv", i)),
          "posting_date,plant,part_no,qty_good,qty_scrap,scrap_cost_eur,rework_cost_eur\n"
              + "2026-02-02,DE10,EV-2207," + (700 + i) + ",1,10.00,0.00\n");
      Files.setLastModifiedTime(file, anHourAgo);
    }
  }

  private static PlumblineHome demoHome(Path folder) {
    PlumblineHome home = new PlumblineHome(folder).createFolders();
    ExampleConfig.writeIfAbsent(home);
    return home;
  }

  /** Restarts the interrupted run after checking the status it was left in. */
  private static JobExecution restart(PlumblineHome home, BatchStatus leftAs) {
    try (ConfigurableApplicationContext context = ApplicationContexts.start(home)) {
      JobRepository repository = context.getBean(JobRepository.class);
      JobExecution interrupted = repository.getJobExecutions(repository.getLastJobInstance("nightly")).get(0);
      assertThat(interrupted.getStatus()).isEqualTo(leftAs);
      return context.getBean(RunControl.class).restart(interrupted.getId());
    }
  }


  private static long inboxCount(PlumblineHome home) throws Exception {
    try (Stream<Path> files = Files.list(home.inbox())) {
      return files.count();
    }
  }

  private static void assertEveryRowLoadedOnce(PlumblineHome home, GeneratedInbox inbox) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + home.warehouseFile());
        Statement s = c.createStatement()) {
      Map<String, Integer> loaded = new HashMap<>();
      try (ResultSet r = s.executeQuery(
          "select source_id, count(*)::integer from raw_row where not is_layout group by source_id")) {
        while (r.next()) {
          loaded.put(r.getString(1), r.getInt(2));
        }
      }
      assertThat(loaded).isEqualTo(inbox.rowsBySource());
      try (ResultSet r = s.executeQuery("select count(*), count(distinct content_hash) from load_audit")) {
        r.next();
        assertThat(r.getLong(1)).isEqualTo(inbox.files().size());
        assertThat(r.getLong(2)).isEqualTo(inbox.files().size());
      }
      try (ResultSet r = s.executeQuery("select count(*) from (select load_id, sheet_name, row_number from raw_row "
          + "group by all having count(*) > 1)")) {
        r.next();
        assertThat(r.getLong(1)).isZero();
      }
    }
    assertThat(inboxCount(home)).isZero();
  }
}
