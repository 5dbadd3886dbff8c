package org.plumbline.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.cli.ApplicationContexts;
import org.plumbline.operations.RunControl;
import org.plumbline.operations.RunHistory;
import org.plumbline.operations.RunView;
import org.plumbline.system.ExampleConfig;
import org.plumbline.system.PlumblineHome;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** A schedule launches its job at its fire time, and skips a fire time that finds a run going on. */
class ScheduledRunsTests {

  @Test
  void aFireTimeLaunchesTheJobAndOneThatFindsARunGoingOnIsSkipped(@TempDir Path folder) throws Exception {
    PlumblineHome home = new PlumblineHome(folder).createFolders();
    ExampleConfig.writeIfAbsent(home);
    ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    scheduler.initialize();
    try (ConfigurableApplicationContext context =
        ApplicationContexts.start(home, new Class<?>[] {AlertTests.TroubledJobs.class})) {
      RunControl runs = context.getBean(RunControl.class);
      RunHistory history = context.getBean(RunHistory.class);
      // given the failing job scheduled every second
      Schedules everySecond = new Schedules(new ScheduleProperties(Map.of("broken", "* * * * * *"), null),
          List.of("broken", "endless", "nightly"));
      ScheduledRuns scheduled = new ScheduledRuns(everySecond, runs, scheduler);

      // when the scheduler runs for a moment, then it has launched the job by itself
      scheduled.start();
      // (the run appears in the history before the scheduler has recorded its outcome)
      for (int i = 0; i < 200 && (history.latest(1).isEmpty() || scheduled.lastOutcome().get("broken") == null); i++) {
        Thread.sleep(50);
      }
      scheduled.stop();
      List<RunView> launched = history.latest(5);
      assertThat(launched).isNotEmpty().allSatisfy(r -> assertThat(r.job()).isEqualTo("broken"));
      assertThat(scheduled.lastOutcome().get("broken")).startsWith("launched run ");

      // when a fire time comes while another run is going on, then it is skipped, not run beside it
      for (int i = 0; i < 100 && runs.busy(); i++) {
        Thread.sleep(50);
      }
      long running = runs.launch("endless", LocalDate.of(2026, 1, 31));
      scheduled.start();
      int before = history.latest(50).size();
      scheduled.fire("broken");
      assertThat(scheduled.lastOutcome().get("broken")).isEqualTo("skipped: A run is already going on (run "
          + running + "); runs never overlap because the warehouse has one writer. Wait for it to end or stop it "
          + "with: plumbline stop " + running);
      scheduled.stop();
      assertThat(history.latest(50)).hasSize(before);
      runs.stop(running);
      for (int i = 0; i < 600 && runs.busy(); i++) {
        Thread.sleep(50);
      }
      assertThat(history.find(running).orElseThrow().status()).isEqualTo(BatchStatus.STOPPED);
    } finally {
      scheduler.shutdown();
    }
  }
}
