package org.plumbline.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.plumbline.delivery.TestSmtp;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.cli.ApplicationContexts;
import org.plumbline.operations.RunControl;
import org.plumbline.system.ExampleConfig;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.Warehouse;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** A failed or stuck run reaches ops by e-mail and webhook, once, in plain words with the repair command. */
class AlertTests {

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(TestSmtp.onFreePort());

  HttpServer webhook;
  final List<String> posted = new CopyOnWriteArrayList<>();

  @Configuration(proxyBeanMethods = false)
  static class TroubledJobs {
    @Bean
    Job broken(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
      return new JobBuilder("broken", jobRepository)
          .start(new StepBuilder("load", jobRepository).tasklet((contribution, chunk) -> {
            throw new IllegalStateException("The share \\\\fs01\\exports is not mounted.");
          }, transactionManager).build())
          .build();
    }

    @Bean
    Job endless(JobRepository jobRepository, PlatformTransactionManager transactionManager, Warehouse warehouse) {
      return new JobBuilder("endless", jobRepository)
          .start(new StepBuilder("crunch", jobRepository).tasklet((contribution, chunk) -> {
            try (var s = warehouse.connection().createStatement()) {
              s.execute("select sum(hash(i)) from range(1000000000000000) t(i)");
            }
            return RepeatStatus.FINISHED;
          }, transactionManager).build())
          .build();
    }
  }

  @BeforeEach
  void startWebhook() throws Exception {
    webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    webhook.createContext("/hook", exchange -> {
      posted.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    webhook.start();
  }

  @AfterEach
  void stopWebhook() {
    webhook.stop(0);
  }

  @Test
  void aFailedRunIsReportedOnceByMailAndWebhookWithTheRestartCommand(@TempDir Path folder) throws Exception {
    try (ConfigurableApplicationContext context = start(folder)) {
      // when a run fails
      JobExecution failed = context.getBean(RunControl.class).run("broken", LocalDate.of(2026, 1, 31));
      assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
      // and ops are told again about the same run (e.g. a second listener call)
      context.getBean(Alerter.class).runEnded(failed);

      // then one e-mail and one webhook call say what failed and how to restart it
      MimeMessage[] received = mail.getReceivedMessages();
      assertThat(received).hasSize(1);
      assertThat(received[0].getSubject()).isEqualTo("Plumbline run " + failed.getId() + " (broken, as of 2026-01-31) failed");
      String body = (String) received[0].getContent();
      assertThat(body).contains("What went wrong: The share \\\\fs01\\exports is not mounted.")
          .contains("Restart it with: plumbline restart " + failed.getId()
              + " (or the Restart button at http://ops.example.com/runs/" + failed.getId() + ")");
      assertThat(received[0].getAllRecipients()).extracting(Object::toString).containsExactly("ops@example.com");
      assertThat(posted).hasSize(1);
      assertThat(posted.get(0)).contains("\"run\":" + failed.getId(), "\"kind\":\"failed\"",
          "\"restart\":\"plumbline restart " + failed.getId() + "\"", "The share \\\\\\\\fs01\\\\exports is not mounted.");
    }
  }

  @Test
  void aRunWithoutProgressIsReportedStuckOnce(@TempDir Path folder) throws Exception {
    try (ConfigurableApplicationContext context = start(folder)) {
      RunControl runs = context.getBean(RunControl.class);
      long running = runs.launch("endless", LocalDate.of(2026, 1, 31));
      StuckRunWatch watch = new StuckRunWatch(context.getBean(JobRepository.class),
          List.copyOf(context.getBeansOfType(Job.class).values()), context.getBean(Alerter.class), Duration.ZERO);
      Thread.sleep(200);

      // when the watch looks twice at a run that has made no progress
      watch.check();
      watch.check();

      // then ops hear once that it is stuck, with how to stop and restart it
      assertThat(mail.getReceivedMessages()).hasSize(1);
      assertThat(mail.getReceivedMessages()[0].getSubject()).endsWith("looks stuck");
      assertThat((String) mail.getReceivedMessages()[0].getContent())
          .contains("Stop it with: plumbline stop " + running, "Restart it with: plumbline restart " + running);
      runs.stop(running);
      for (int i = 0; i < 600 && runs.busy(); i++) {
        Thread.sleep(50);
      }
    }
  }

  private ConfigurableApplicationContext start(Path folder) {
    PlumblineHome home = new PlumblineHome(folder).createFolders();
    ExampleConfig.writeIfAbsent(home);
    return ApplicationContexts.start(home, new Class<?>[] {TroubledJobs.class},
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.getSmtp().getPort(),
        "--plumbline.alerts.email-to=ops@example.com", "--plumbline.alerts.email-from=plumbline@example.com",
        "--plumbline.alerts.webhook-url=http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook",
        "--plumbline.alerts.console-url=http://ops.example.com/");
  }
}
