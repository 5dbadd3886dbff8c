package org.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plumbline.cli.ReloadCommandTests.plumbline;
import static org.plumbline.cli.ReloadCommandTests.query;

import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.cli.CommandLineTests.Result;
import org.plumbline.delivery.TestSmtp;
import org.plumbline.reconcile.FindingFixture;
import org.plumbline.report.PdfText;
import org.plumbline.system.PlumblineHome;

/**
 * A run as of a date before the latest run's re-issues a past report. Real runs of the nightly
 * job through the command line: the H2 job repository, a DuckDB warehouse, the PDFs, the
 * analysts' copy, the lake and e-mail to an embedded mail server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PastReportReissueTests {

  private static final String QUERY_BREACHES = "select period_label, status from fct_finding_status"
      + " where finding_type = 'policy_breach' order by 1";

  PlumblineHome home;
  GreenMail mail;
  Map<String, String> outboxBefore;
  Map<String, String> publishedBefore;
  Map<String, String> lakeBefore;
  int mailedBefore;
  Result reissue;
  List<List<Object>> reissueBreaches;
  Map<String, String> outboxAfter;
  Map<String, String> publishedAfter;
  Map<String, String> lakeAfter;
  int mailedAfter;
  Result status;
  Result history;
  Result next;

  @BeforeAll
  void issueReportsThenReissueOneThenRunTheNextNightly(@TempDir Path folder) throws Exception {
    // given an inspection breach measured by the MES in W28, W29, W30 and W32, each day's export
    // arriving the next night, and W31's export late, on 11 August
    mail = new GreenMail(TestSmtp.onFreePort());
    mail.start();
    home = home(folder, mail.getSmtp().getPort());
    for (String day : List.of("2025-07-07", "2025-07-14", "2025-07-21", "2025-08-04")) {
      mesDay(day, LocalDate.parse(day).plusDays(1));
    }
    mesDay("2025-07-28", LocalDate.parse("2025-08-11"));
    // and the reports issued at the end of W28, W30 and W32
    for (String asOf : List.of("2025-07-13", "2025-07-27", "2025-08-10")) {
      Result run = plumbline(home, "run", "nightly", "--as-of=" + asOf);
      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }
    outboxBefore = hashes(home.outbox());
    publishedBefore = hashes(home.published());
    lakeBefore = hashes(home.lake());
    mailedBefore = mail.getReceivedMessages().length;

    // when the report as of 27 July is issued again
    reissue = plumbline(home, "run", "nightly", "--as-of=2025-07-27");
    reissueBreaches = query(home, QUERY_BREACHES);
    outboxAfter = hashes(home.outbox());
    publishedAfter = hashes(home.published());
    lakeAfter = hashes(home.lake());
    mailedAfter = mail.getReceivedMessages().length;
    status = plumbline(home, "status", "--last", "1");
    history = plumbline(home, "history", "--last", "2");

    // and then the next nightly runs
    next = plumbline(home, "run", "nightly", "--as-of=2025-08-11");
  }

  @AfterAll
  void stopTheMailServer() {
    mail.stop();
  }

  @Test
  void theReissueSaysWhatWasNewOnItsDateAgainstTheRunBeforeIt() throws Exception {
    assertThat(reissue.exitCode()).as(reissue.out() + reissue.err()).isZero();
    // against the run as of 13 July: W28 known then, W29 and W30 new; W32, measured in August, is
    // no finding of 27 July and so not "resolved"
    assertThat(reissueBreaches).containsExactly(List.of("2025-W28", "persisting"), List.of("2025-W29", "new"),
        List.of("2025-W30", "new"));
    String pdf = PdfText.of(home.outbox().resolve("executive-summary_as-of-2025-07-27_reissue-run-4.pdf"));
    assertThat(pdf).contains("Production 2025-W29 high NEW", "Production 2025-W30 high NEW", "0 resolved")
        .doesNotContain("2025-W32");
  }

  @Test
  void theNextNightlyComparesWithTheLatestIssuedRunNotWithTheReissue() throws Exception {
    assertThat(next.exitCode()).as(next.out() + next.err()).isZero();
    // against the run as of 10 August, as without the re-issue: only W31, whose export came late, is new
    assertThat(query(home, QUERY_BREACHES)).containsExactly(List.of("2025-W28", "persisting"),
        List.of("2025-W29", "persisting"), List.of("2025-W30", "persisting"), List.of("2025-W31", "new"),
        List.of("2025-W32", "persisting"));
    assertThat(query(home, "select distinct previous_run_id from fct_finding_status")).containsExactly(List.of(3L));
  }

  @Test
  void theReissueReplacesNoIssuedReportAndLeavesTheAnalystsCopyTheLakeAndEmailAlone() {
    // every file issued before is still there, byte for byte; the re-issue's files have their own names
    assertThat(outboxAfter).containsAllEntriesOf(outboxBefore);
    assertThat(outboxAfter.keySet().stream().filter(name -> !outboxBefore.containsKey(name)))
        .containsExactlyInAnyOrder("executive-summary_as-of-2025-07-27_reissue-run-4.pdf",
            "executive-report_PROD_as-of-2025-07-27_reissue-run-4.pdf",
            "findings_as-of-2025-07-27_reissue-run-4.csv", "quarantine_as-of-2025-07-27_reissue-run-4.csv");
    // the analysts' copy and the lake still hold 10 August, and nobody was e-mailed
    assertThat(publishedAfter).isEqualTo(publishedBefore);
    assertThat(lakeAfter).isEqualTo(lakeBefore);
    assertThat(mailedBefore).isEqualTo(3);
    assertThat(mailedAfter).isEqualTo(mailedBefore);
  }

  @Test
  void aReissueIsEmailedWhenSomeoneSendsIt() throws Exception {
    int before = mail.getReceivedMessages().length;

    Result resend = plumbline(home, "resend", "--report", "executive-summary_as-of-2025-07-27_reissue-run-4.pdf",
        "--list", "executives");

    assertThat(resend.exitCode()).as(resend.out() + resend.err()).isZero();
    assertThat(mail.getReceivedMessages()).hasSize(before + 1);
    assertThat(query(home, "select as_of_date::varchar, report_file, recipient, outcome from report_delivery"
        + " where requested_by = 'resend'")).containsExactly(List.of("2025-07-27",
        "executive-summary_as-of-2025-07-27_reissue-run-4.pdf", "ceo@fixture.example", "sent"));
  }

  @Test
  void theRunStatusAndHistorySayItIsAReissue() {
    String reissued = "Re-issue of the report as of 2025-07-27 (reporting has reached 2025-08-10).";
    assertThat(reissue.out()).contains("Run 4 of job nightly (as of 2025-07-27, re-issue): COMPLETED in ")
        .contains("\n    reconcile: " + reissued + " Its findings are new, persisting or resolved against the last"
            + " run before 2025-07-27, and later runs do not compare with it.\n")
        .contains("\n    deliver: " + reissued + " No e-mail is sent; `plumbline resend --report"
            + " executive-summary_as-of-2025-07-27_reissue-run-4.pdf --list NAME` sends it.\n")
        .contains("\n    publish: " + reissued + " The analysts' copy is left as it is.\n")
        .contains("\n    lake: " + reissued + " The lake is left as it is.\n")
        .contains("Report:     " + home.outbox().resolve("executive-summary_as-of-2025-07-27_reissue-run-4.pdf"))
        .doesNotContain("Analysts:");
    assertThat(status.out()).contains("Run 4  nightly  as of 2025-07-27, re-issue  COMPLETED")
        .contains("\n    publish: " + reissued + " The analysts' copy is left as it is.\n");
    assertThat(history.out().lines().skip(1).map(String::strip))
        .allMatch(line -> line.startsWith("4  nightly  2025-07-27, re-issue COMPLETED ")
            || line.startsWith("3  nightly  2025-08-10           COMPLETED "));
  }

  private PlumblineHome home(Path folder, int smtpPort) throws IOException {
    PlumblineHome home = new PlumblineHome(folder).createFolders();
    Files.createDirectories(home.governance());
    Files.writeString(home.governance().resolve("model.yml"), FindingFixture.GOVERNANCE, StandardCharsets.UTF_8);
    Files.writeString(home.config().resolve("application.yml"), """
        plumbline:
          company: Fixture GmbH
          delivery:
            email:
              enabled: true
              from: reports@fixture.example
              smtp: { host: 127.0.0.1, port: %d, security: none }
              attempts: 1
              lists:
                executives: { report: summary, to: [ceo@fixture.example] }
        """.formatted(smtpPort), StandardCharsets.UTF_8);
    return home;
  }

  /** One MES day of critical parts, 90 of 100 inspected (the policy asks 95 %), arriving at 02:00 UTC. */
  private void mesDay(String day, LocalDate arrives) throws IOException {
    Path file = Files.writeString(home.inbox().resolve("mes_" + day + ".csv"),
        String.join(",", FindingFixture.MES_HEADER) + "\n" + day + ",CRITICAL,100,90\n", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, FileTime.from(arrives.atTime(2, 0).toInstant(ZoneOffset.UTC)));
  }

  /** Every file under {@code folder} by its relative path, with its SHA-256. */
  private static Map<String, String> hashes(Path folder) throws Exception {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        hashes.put(folder.relativize(file).toString(),
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
      }
    }
    return hashes;
  }
}
