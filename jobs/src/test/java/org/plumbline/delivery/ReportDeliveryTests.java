package org.plumbline.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.cli.ApplicationContexts;
import org.plumbline.cli.PlumblineCommand;
import org.plumbline.operations.RunView;
import org.plumbline.system.ExampleConfig;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.Warehouse;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * E-mail delivery against real SMTP servers on 127.0.0.1: one that refuses every e-mail, then
 * GreenMail. Failures are retried, recorded and leave the reports in the outbox; resend
 * delivers them once the server takes mail.
 */
class ReportDeliveryTests {

  static final String AS_OF = "2026-01-31";
  static final String SUMMARY = "executive-summary_as-of-2026-01-31.pdf";
  static final String PROD = "executive-report_PROD_as-of-2026-01-31.pdf";
  static final String QUAL = "executive-report_QUAL_as-of-2026-01-31.pdf";

  @TempDir
  Path dir;

  GreenMail greenMail;

  /** The deliver step alone, so a test sees what the nightly run's step records without a whole run. */
  @Configuration(proxyBeanMethods = false)
  static class DeliverOnly {
    @Bean
    Job deliverOnly(JobRepository jobRepository, PlatformTransactionManager transactionManager, PlumblineHome home,
        Warehouse warehouse, ReportDelivery delivery) {
      return new JobBuilder("deliverOnly", jobRepository)
          .start(new StepBuilder("deliver", jobRepository)
              .tasklet(new DeliverTasklet(home, warehouse, false, delivery), transactionManager).build())
          .build();
    }
  }

  @AfterEach
  void stopServer() {
    if (greenMail != null) {
      greenMail.stop();
    }
  }

  @Test
  void aRefusingServerIsRetriedThenRecordedAndResendDeliversOnceItTakesMail() throws Exception {
    // given reports in the outbox, two lists, and a mail server that answers every connection with 554
    PlumblineHome home = homeWithReports();
    try (RefusingServer refusing = new RefusingServer()) {
      configure(home, refusing.port(), "[ceo@nordwerk.example, cfo@nordwerk.example]");
      byte[] summaryBytes = Files.readAllBytes(home.outbox().resolve(SUMMARY));

      // when the deliver step runs
      JobExecution execution;
      try (ConfigurableApplicationContext context = ApplicationContexts.start(home, new Class<?>[] {DeliverOnly.class})) {
        execution = context.getBean(JobOperator.class).start(context.getBean("deliverOnly", Job.class),
            new JobParametersBuilder().addString("asOf", AS_OF).toJobParameters());
      }

      // then the run completes, every e-mail was tried three times (one connection per round),
      // each is recorded as failed with the server's answer, and the reports are untouched
      assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
      StepExecution step = execution.getStepExecutions().iterator().next();
      assertThat(step.getExitStatus().getExitCode()).isEqualTo(DeliverTasklet.WITH_FAILED_DELIVERIES);
      assertThat(step.getReadCount()).isEqualTo(3);
      assertThat(step.getWriteCount()).isZero();
      assertThat(refusing.connections()).isEqualTo(3);
      RunView.StepView view = RunView.of(execution).steps().get(0);
      assertThat(view.note()).startsWith("3 of 3 e-mails could not be sent (The mail server 127.0.0.1:")
          .contains("554").endsWith("`plumbline resend " + execution.getId() + "` sends them again.");
      assertThat(deliveries(home)).containsExactly(
          "failed 3 " + PROD + " head.production@nordwerk.example production-head nightly",
          "failed 3 " + SUMMARY + " ceo@nordwerk.example executives nightly",
          "failed 3 " + SUMMARY + " cfo@nordwerk.example executives nightly");
      assertThat(Files.readAllBytes(home.outbox().resolve(SUMMARY))).isEqualTo(summaryBytes);

      // and status shows what failed and how to resend
      Cli status = Cli.run("--home", home.root().toString(), "status", "--last", "1");
      assertThat(status.out()).contains("deliver: 3 of 3 e-mails could not be sent");

      // when a mail server takes mail again and resend is run for the run (on another port: the
      // refusing server's port may still hold its closed connections in TIME_WAIT, and GreenMail
      // does not bind over them)
      refusing.close();
      greenMail = new GreenMail(TestSmtp.onFreePort());
      greenMail.start();
      Path yml = home.config().resolve("application.yml");
      Files.writeString(yml, Files.readString(yml).replace("port: " + refusing.port() + "\n",
          "port: " + greenMail.getSmtp().getPort() + "\n"));
      Cli resend = Cli.run("--home", home.root().toString(), "resend", String.valueOf(execution.getId()));

      // then each recipient has exactly the report of its list, byte for byte
      assertThat(resend.exitCode()).as(resend.err()).isZero();
      assertThat(resend.out()).contains("All 3 e-mails sent");
      assertThat(received()).containsExactly(
          Map.entry("ceo@nordwerk.example", List.of(SUMMARY)),
          Map.entry("cfo@nordwerk.example", List.of(SUMMARY)),
          Map.entry("head.production@nordwerk.example", List.of(PROD)));
      assertThat(attachment(greenMail.getReceivedMessagesForDomain("ceo@nordwerk.example")[0])).isEqualTo(summaryBytes);
      assertThat(greenMail.getReceivedMessagesForDomain("head.production@nordwerk.example")[0].getSubject())
          .isEqualTo("Nordwerk Ventiltechnik GmbH: policy vs execution, report for PROD – as of 2026-01-31");
      assertThat(deliveries(home)).hasSize(6).contains(
          "sent 1 " + SUMMARY + " ceo@nordwerk.example executives resend");

      // and a second resend finds nothing left to send
      Cli again = Cli.run("--home", home.root().toString(), "resend", String.valueOf(execution.getId()));
      assertThat(again.exitCode()).isZero();
      assertThat(again.out()).contains("Nothing to resend: every e-mail of run " + execution.getId() + " was sent.");
      assertThat(greenMail.getReceivedMessages()).hasSize(3);
    }
  }

  @Test
  void aRestartedDeliverySendsNothingTwiceAndOneReportGoesToAnAddressByHand() throws Exception {
    // given GreenMail and reports already delivered once
    PlumblineHome home = homeWithReports();
    greenMail = new GreenMail(TestSmtp.onFreePort());
    greenMail.start();
    configure(home, greenMail.getSmtp().getPort(), "[ceo@nordwerk.example]");
    try (ConfigurableApplicationContext context = ApplicationContexts.start(home)) {
      ReportDelivery delivery = context.getBean(ReportDelivery.class);
      ReportDelivery.Result first = delivery.deliverRun(7, AS_OF);

      // when the same run delivers again (a restart), and then the same bytes are changed
      ReportDelivery.Result second = delivery.deliverRun(7, AS_OF);
      Files.write(home.outbox().resolve(PROD), "%PDF-1.4 re-rendered".getBytes(StandardCharsets.US_ASCII));
      ReportDelivery.Result third = delivery.deliverRun(8, AS_OF);

      // then nothing is sent twice, and only the changed report goes out again
      assertThat(first.sent()).isEqualTo(2);
      assertThat(second.due()).isEqualTo(2);
      assertThat(second.alreadySent()).isEqualTo(2);
      assertThat(second.outcomes()).isEmpty();
      assertThat(third.outcomes()).extracting(o -> o.mail().reportFile()).containsExactly(PROD);

      // and a report that is not in the outbox is refused, naming it
      assertThatThrownBy(() -> delivery.resend("nope.pdf", "executives", List.of()))
          .isInstanceOf(ReportDelivery.NothingToResendException.class)
          .hasMessageStartingWith("There is no report nope.pdf in the outbox");
    }
    assertThat(greenMail.getReceivedMessages()).hasSize(3);

    // when one report is sent by hand to an address
    Cli byHand = Cli.run("--home", home.root().toString(), "resend", "--report", QUAL, "--to", "quality.head@nordwerk.example");

    // then it arrives and is recorded without a list
    assertThat(byHand.exitCode()).as(byHand.err()).isZero();
    assertThat(received()).containsEntry("quality.head@nordwerk.example", List.of(QUAL));
    assertThat(deliveries(home)).contains("sent 1 " + QUAL + " quality.head@nordwerk.example null resend");

  }

  @Test
  void aWrongAddressStopsStartUpNamingFileLineAndKey() throws Exception {
    // given a list with an address that is not one
    PlumblineHome home = homeWithReports();
    configure(home, 2525, "[ceo@nordwerk.example, cfo@]");
    Path yml = home.config().resolve("application.yml");
    List<String> lines = Files.readAllLines(yml);
    int line = lines.indexOf(lines.stream().filter(l -> l.contains("cfo@]")).findFirst().orElseThrow()) + 1;

    // when any command starts
    Cli resend = Cli.run("--home", home.root().toString(), "status");

    // then it stops with the configuration's exit code and says where and what
    assertThat(resend.exitCode()).isEqualTo(3);
    assertThat(resend.err().strip()).isEqualTo(yml.toAbsolutePath() + ":" + line
        + " plumbline.delivery.email.lists.executives.to[1]: 'cfo@' is not an e-mail address such as name@example.com.");
  }

  @Test
  void aListNamingNoDepartmentOfTheModelStopsStartUpNamingFileLineAndKey() throws Exception {
    // given a list for the report of a department code that departments.yml does not have
    PlumblineHome home = homeWithReports();
    configure(home, 2525, "[ceo@nordwerk.example]");
    Path yml = home.config().resolve("application.yml");
    Files.writeString(yml, Files.readString(yml).replace("report: PROD", "report: PORD"));
    List<String> lines = Files.readAllLines(yml);
    int line = lines.indexOf("          report: PORD") + 1;

    // when any command starts
    Cli status = Cli.run("--home", home.root().toString(), "status");

    // then it stops saying where, what, and which codes there are
    assertThat(status.exitCode()).isEqualTo(3);
    assertThat(status.err().strip()).isEqualTo(yml.toAbsolutePath() + ":" + line
        + " plumbline.delivery.email.lists.production-head.report: 'PORD' is not a department of the governance model"
        + " (config/governance/departments.yml); set summary or one of [LOG, PROD, QUAL].");
  }

  private PlumblineHome homeWithReports() throws IOException {
    PlumblineHome home = new PlumblineHome(dir).createFolders();
    ExampleConfig.writeIfAbsent(home);
    for (String name : List.of(SUMMARY, PROD, QUAL)) {
      Files.write(home.outbox().resolve(name), ("%PDF-1.4 " + name).getBytes(StandardCharsets.US_ASCII));
    }
    return home;
  }

  /** Delivery settings as a second YAML document: Spring Boot lets it add to the first. */
  private static void configure(PlumblineHome home, int port, String executives) throws IOException {
    Files.writeString(home.config().resolve("application.yml"), """
        ---
        plumbline:
          delivery:
            email:
              enabled: true
              from: reports@nordwerk.example
              smtp:
                host: 127.0.0.1
                port: %d
                security: none
                timeout: 5s
              attempts: 3
              backoff: 50ms
              lists:
                executives:
                  report: summary
                  to: %s
                production-head:
                  report: PROD
                  to: [head.production@nordwerk.example]
        """.formatted(port, executives), java.nio.file.StandardOpenOption.APPEND);
  }

  /** Each recipient with the names of the files attached to what they received, sorted. */
  private Map<String, List<String>> received() throws Exception {
    Map<String, List<String>> byRecipient = new TreeMap<>();
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      for (Address to : message.getAllRecipients()) {
        byRecipient.computeIfAbsent(to.toString(), k -> new ArrayList<>()).add(attachmentName(message));
      }
    }
    return byRecipient;
  }

  private static String attachmentName(MimeMessage message) throws Exception {
    return attachmentPart(message).getFileName();
  }

  private static byte[] attachment(MimeMessage message) throws Exception {
    return attachmentPart(message).getInputStream().readAllBytes();
  }

  private static Part attachmentPart(MimeMessage message) throws Exception {
    Multipart parts = (Multipart) message.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
        return parts.getBodyPart(i);
      }
    }
    throw new AssertionError("no attachment");
  }

  /** "outcome attempts file recipient list requested_by", in file and recipient order. */
  private static List<String> deliveries(PlumblineHome home) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + home.warehouseFile());
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select outcome, attempts, report_file, recipient, list_name, requested_by"
            + " from report_delivery order by report_delivery_id > 0, outcome, report_file, recipient")) {
      while (r.next()) {
        rows.add(r.getString(1) + " " + r.getInt(2) + " " + r.getString(3) + " " + r.getString(4) + " "
            + r.getString(5) + " " + r.getString(6));
      }
    }
    return rows;
  }

  record Cli(int exitCode, String out, String err) {
    static Cli run(String... args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = PlumblineCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
      return new Cli(code, out.toString(), err.toString());
    }
  }

  /** A real SMTP server that refuses service: it greets every connection with 554 and hangs up. */
  static final class RefusingServer implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    RefusingServer() throws IOException {
      acceptor = new Thread(() -> {
        while (!socket.isClosed()) {
          try (Socket client = socket.accept(); OutputStream out = client.getOutputStream()) {
            connections.incrementAndGet();
            out.write("554 5.3.2 nordwerk-mx is not accepting mail\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
          } catch (IOException e) {
            // closed: the test is done with it
          }
        }
      }, "refusing-smtp");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    int connections() {
      return connections.get();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
