package org.plumbline.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.cli.ApplicationContexts;
import org.plumbline.system.ExampleConfig;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.Warehouse;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Runs never overlap, and a stop interrupts a warehouse statement instead of waiting for it. */
class RunControlTests {

  /** A job whose one statement would run for days: only an interruption can end it. */
  @Configuration(proxyBeanMethods = false)
  static class EndlessStatementJob {
    @Bean
    Job endless(JobRepository jobRepository, PlatformTransactionManager transactionManager, Warehouse warehouse) {
      return new JobBuilder("endless", jobRepository)
          .start(new StepBuilder("crunch", jobRepository).tasklet((contribution, chunk) -> {
            try (Statement s = warehouse.connection().createStatement()) {
              s.execute("select sum(hash(i)) from range(1000000000000000) t(i)");
            }
            return RepeatStatus.FINISHED;
          }, transactionManager).build())
          .build();
    }
  }

  @Test
  void aSecondLaunchIsRefusedAndAStopInterruptsTheRunningStatement(@TempDir Path folder) throws Exception {
    PlumblineHome home = new PlumblineHome(folder).createFolders();
    ExampleConfig.writeIfAbsent(home);
    try (ConfigurableApplicationContext context =
        ApplicationContexts.start(home, new Class<?>[] {EndlessStatementJob.class})) {
      RunControl runs = context.getBean(RunControl.class);
      RunHistory history = context.getBean(RunHistory.class);

      // given a run busy in a long warehouse statement
      long running = runs.launch("endless", LocalDate.of(2026, 1, 31));
      awaitStep(history, running);

      // when another launch comes, then it is refused and names the running run
      assertThatThrownBy(() -> runs.run("nightly", LocalDate.of(2026, 1, 31)))
          .isInstanceOf(RunRefusedException.class)
          .hasMessageContaining("already going on (run " + running + ")")
          .hasMessageContaining("plumbline stop " + running);

      // when it is stopped, then the statement is interrupted and the run ends STOPPED, restartable
      assertThat(runs.stop(running)).contains("Run " + running + " is stopping");
      awaitIdle(runs, Duration.ofSeconds(60));
      assertThat(runs.busy()).as("the run's thread has ended").isFalse();
      RunView ended = history.find(running).orElseThrow();
      assertThat(ended.status()).isEqualTo(BatchStatus.STOPPED);
      assertThat(ended.restartable()).isTrue();
    }
  }

  @Test
  void stoppingARunThatIsNotRunningOrDoesNotExistIsRefusedInPlainWords(@TempDir Path folder) {
    PlumblineHome home = new PlumblineHome(folder).createFolders();
    ExampleConfig.writeIfAbsent(home);
    try (ConfigurableApplicationContext context = ApplicationContexts.start(home)) {
      RunControl runs = context.getBean(RunControl.class);
      assertThatThrownBy(() -> runs.stop(42)).isInstanceOf(UnknownRunException.class)
          .hasMessage("There is no run 42; `plumbline history` lists the runs.");
      assertThatThrownBy(() -> runs.run("weekly", LocalDate.of(2026, 1, 31))).isInstanceOf(UnknownJobException.class)
          .hasMessage("There is no job called 'weekly'; the jobs are [nightly].");
    }
  }

  private static void awaitStep(RunHistory history, long id) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      RunView run = history.find(id).orElseThrow();
      if (run.steps().stream().anyMatch(s -> s.status() == BatchStatus.STARTED)) {
        Thread.sleep(300); // inside the statement by now
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("Run " + id + " never started its step.");
  }

  private static void awaitIdle(RunControl runs, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (runs.busy() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }
}
