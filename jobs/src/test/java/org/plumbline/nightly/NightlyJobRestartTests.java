package org.plumbline.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.cli.ApplicationContexts;
import org.plumbline.demo.GeneratedInbox;
import org.plumbline.ingest.IngestListener;
import org.plumbline.system.PlumblineHome;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A run that fails inside ingest, after some files were committed, restarts and loses nothing. */
class NightlyJobRestartTests {

  static final int FILES_BEFORE_FAILURE = 10;

  /** Fails the ingest step once this many files have been loaded and archived. */
  static final AtomicInteger filesUntilFailure = new AtomicInteger();

  @Configuration(proxyBeanMethods = false)
  static class FailingIngest {
    @Bean
    IngestListener failAfterSomeFiles() {
      return outcome -> {
        if (filesUntilFailure.decrementAndGet() == 0) {
          throw new IllegalStateException("Simulated failure after " + FILES_BEFORE_FAILURE + " files");
        }
      };
    }
  }

  @Test
  void aRunThatFailedInIngestIsRestartedAndEveryRowIsThereExactlyOnce(@TempDir Path folder) throws Exception {
    // given the demo inbox and a run that fails after ten files were committed
    PlumblineHome home = DemoHome.create(folder);
    GeneratedInbox inbox = DemoHome.generateInbox(home);
    filesUntilFailure.set(FILES_BEFORE_FAILURE);
    long executionId;
    try (ConfigurableApplicationContext context =
        ApplicationContexts.start(home, new Class<?>[] {FailingIngest.class})) {
      JobExecution failed = context.getBean(JobOperator.class).start(context.getBean("nightly", Job.class),
          new JobParametersBuilder().addString("asOf", "2026-01-31").toJobParameters());
      assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
      executionId = failed.getId();
    }
    assertThat(DemoHome.query(home, "select count(*) from load_audit").get(0).get(0)).isEqualTo((long) FILES_BEFORE_FAILURE);
    try (var left = Files.list(home.inbox())) {
      assertThat(left.count()).isEqualTo(inbox.files().size() - FILES_BEFORE_FAILURE);
    }

    // and a file no source takes arrives before it is restarted
    Path notes = Files.writeString(home.inbox().resolve("notes from the shift.txt"), "Line 2 stood still on Tuesday.\n");
    // written an hour ago: a file written in the last seconds would be left for the next run as still being written
    Files.setLastModifiedTime(notes, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600)));

    // when it is restarted in a new process-like context
    JobExecution restarted;
    try (ConfigurableApplicationContext context = ApplicationContexts.start(home)) {
      JobExecution execution = context.getBean(JobRepository.class).getJobExecution(executionId);
      restarted = context.getBean(JobOperator.class).restart(execution);
    }

    // then it completes and every source's rows are there exactly once
    assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    Map<String, Integer> loaded = DemoHome.query(home,
            "select source_id, count(*)::integer from raw_row where not is_layout group by source_id").stream()
        .collect(Collectors.toMap(r -> (String) r.get(0), r -> (Integer) r.get(1)));
    assertThat(loaded).isEqualTo(inbox.rowsBySource());
    assertThat(DemoHome.query(home, "select count(*), count(distinct content_hash) from load_audit").get(0))
        .containsExactly((long) inbox.files().size(), (long) inbox.files().size());
    assertThat(DemoHome.query(home, "select count(*) from (select load_id, sheet_name, row_number from raw_row "
        + "group by all having count(*) > 1)").get(0).get(0)).isEqualTo(0L);
    assertThat(DemoHome.query(home, "select file_name from file_delivery where outcome <> 'loaded'"))
        .containsExactly(List.of("notes from the shift.txt"));
    // and the run completes saying which file it rejected, counting the files of both attempts
    StepExecution ingest = restarted.getStepExecutions().stream().filter(s -> s.getStepName().equals("ingest"))
        .findFirst().orElseThrow();
    assertThat(ingest.getExitStatus().getExitCode()).isEqualTo("COMPLETED WITH REJECTED FILES");
    assertThat(ingest.getExitStatus().getExitDescription()).isEqualTo("1 of " + (inbox.files().size() + 1)
        + " files was rejected (notes from the shift.txt): each is in the rejected folder beside a file saying why;"
        + " put it back in the inbox once it is mended.");
    assertThat(DemoHome.query(home, "select count(*) from fct_policy_breach").get(0).get(0)).isEqualTo(16L);
  }
}
