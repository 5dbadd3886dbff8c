package org.plumbline.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.cli.ApplicationContexts;
import org.plumbline.cli.PlumblineCommand;
import org.plumbline.system.ExampleConfig;
import org.plumbline.system.PlumblineHome;
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

/**
 * A restart continues a run under a new run number. The run it continued says by which, offers
 * no restart any more, and a restart of it is refused naming the run to restart instead.
 */
class RunContinuationTests {

  static final AtomicInteger attemptsThatFail = new AtomicInteger();

  /** A job whose first attempts fail, as a run does until ops mend its cause. */
  @Configuration(proxyBeanMethods = false)
  static class FailsAtFirstJob {
    @Bean
    Job failsAtFirst(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
      return new JobBuilder("failsAtFirst", jobRepository)
          .start(new StepBuilder("work", jobRepository).tasklet((contribution, chunk) -> {
            if (attemptsThatFail.getAndDecrement() > 0) {
              throw new IllegalStateException("The share holding the inbox is not mounted.");
            }
            return RepeatStatus.FINISHED;
          }, transactionManager).build())
          .build();
    }
  }

  record Result(int exitCode, String out, String err) {}

  @Test
  void aContinuedRunNamesItsContinuationAndIsNotRestartedAgain(@TempDir Path folder) {
    // given run 1, failed, and its restart, run 2, failed as well
    PlumblineHome home = new PlumblineHome(folder).createFolders();
    ExampleConfig.writeIfAbsent(home);
    attemptsThatFail.set(2);
    try (ConfigurableApplicationContext context = ApplicationContexts.start(home, new Class<?>[] {FailsAtFirstJob.class})) {
      RunControl runs = context.getBean(RunControl.class);
      assertThat(runs.run("failsAtFirst", LocalDate.of(2026, 1, 31)).getStatus()).isEqualTo(BatchStatus.FAILED);
      var second = runs.restart(1);
      assertThat(second.getId()).isEqualTo(2L);
      assertThat(second.getStatus()).isEqualTo(BatchStatus.FAILED);
    }

    // then status shows run 1 continued as run 2, and offers to restart only run 2
    Result status = plumbline(home, "status");
    assertThat(status.out()).contains("continued as run 2").contains("restart: plumbline restart 2")
        .doesNotContain("restart: plumbline restart 1");
    assertThat(plumbline(home, "history").out()).containsPattern("\\n\\s+1 .*FAILED .*continued as run 2");

    // and restarting run 1 again is refused (exit 6), naming the run to restart instead
    Result again = plumbline(home, "restart", "1");
    assertThat(again.exitCode()).isEqualTo(6);
    assertThat(again.err().strip()).isEqualTo("Run 1 was already continued as run 2. Run 2 ended FAILED: continue it"
        + " with: plumbline restart 2");

    // when run 2 is restarted and completes as run 3
    try (ConfigurableApplicationContext context = ApplicationContexts.start(home, new Class<?>[] {FailsAtFirstJob.class})) {
      RunControl runs = context.getBean(RunControl.class);
      assertThat(runs.restart(2).getStatus()).isEqualTo(BatchStatus.COMPLETED);
      RunView first = context.getBean(RunHistory.class).find(1).orElseThrow();
      assertThat(first.continuedBy()).isEqualTo(2L);
      assertThat(first.restartable()).isFalse();
    }

    // then restarting run 1 names both its continuation and the last one, which left nothing to restart
    Result late = plumbline(home, "restart", "1");
    assertThat(late.exitCode()).isEqualTo(6);
    assertThat(late.err().strip()).isEqualTo("Run 1 was already continued as run 2; its latest continuation is run 3."
        + " Run 3 completed: there is nothing left to restart.");
    assertThat(plumbline(home, "status").out()).doesNotContain("restart: plumbline restart");
  }

  private static Result plumbline(PlumblineHome home, String... command) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] args = new String[command.length + 2];
    args[0] = "--home";
    args[1] = home.root().toString();
    System.arraycopy(command, 0, args, 2, command.length);
    int code = PlumblineCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }
}
