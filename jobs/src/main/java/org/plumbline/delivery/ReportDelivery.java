package org.plumbline.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.plumbline.report.ReportFiles;
import org.plumbline.system.PlumblineHome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mails the outbox's PDFs to the configured distribution lists, retrying a failed e-mail a
 * bounded number of times with a growing wait, and records every outcome in the ledger. A
 * failure never touches the PDF in the outbox: it can always be sent again
 * ({@code plumbline resend}).
 */
public final class ReportDelivery {

  /** Who asked: the nightly run's deliver step, or the resend command. */
  public static final String NIGHTLY = "nightly";
  public static final String RESEND = "resend";

  /** What one delivery did: the e-mails due, those skipped as already sent, and each outcome. */
  public record Result(int due, int alreadySent, List<Outcome> outcomes) {
    public long sent() {
      return outcomes.stream().filter(Outcome::sent).count();
    }

    public List<Outcome> failed() {
      return outcomes.stream().filter(o -> !o.sent()).toList();
    }
  }

  private static final Logger log = LoggerFactory.getLogger(ReportDelivery.class);

  private final DeliveryProperties.Email settings;
  private final PlumblineHome home;
  private final Supplier<java.sql.Connection> warehouse;
  private final MailText text;
  private final Clock clock;
  private SmtpMailer mailer;

  public ReportDelivery(DeliveryProperties.Email settings, PlumblineHome home, Supplier<java.sql.Connection> warehouse,
      java.util.Locale locale, String company, Clock clock) {
    this.settings = settings;
    this.home = home;
    this.warehouse = warehouse;
    this.text = new MailText(locale, company);
    this.clock = clock;
  }

  public boolean enabled() {
    return settings.enabled();
  }

  /** The configured list names, in the order written. */
  public List<String> lists() {
    return List.copyOf(settings.lists().keySet());
  }

  /**
   * Sends each list its report of {@code asOf} for run {@code runId}, skipping an e-mail whose
   * very bytes already reached the recipient (a restarted run sends nothing twice).
   */
  public Result deliverRun(long runId, String asOf) {
    if (!settings.enabled()) {
      return new Result(0, 0, List.of());
    }
    DeliveryLedger ledger = new DeliveryLedger(warehouse.get());
    List<ReportMail> due = new ArrayList<>();
    Map<String, ReportMail> unique = new LinkedHashMap<>();
    settings.lists().forEach((name, list) -> {
      String department = list.summary() ? null : list.report().strip();
      Path report = home.outbox().resolve(department == null ? ReportFiles.summary(asOf)
          : ReportFiles.department(asOf, department));
      for (String address : list.to()) {
        // One e-mail per report and address, even when the address is on two lists.
        unique.putIfAbsent(report.getFileName() + "\n" + address.strip().toLowerCase(java.util.Locale.ROOT),
            new ReportMail(runId, asOf, report, department, name, address.strip()));
      }
    });
    int alreadySent = 0;
    for (ReportMail mail : unique.values()) {
      String sha = sha256(mail.report());
      if (sha != null && ledger.sentBefore(mail.reportFile(), sha, mail.recipient())) {
        alreadySent++;
      } else {
        due.add(mail);
      }
    }
    List<Outcome> outcomes = send(due);
    outcomes.forEach(o -> ledger.record(o, NIGHTLY));
    return new Result(unique.size(), alreadySent, outcomes);
  }

  /** Sends again every e-mail of run {@code runId} whose latest attempt failed. */
  public Result resendFailed(long runId) {
    DeliveryLedger ledger = new DeliveryLedger(warehouse.get());
    if (ledger.count(runId) == 0) {
      throw new NothingToResendException("Run " + runId + " has no e-mail deliveries: e-mail was off"
          + " (plumbline.delivery.email.enabled), or the run did not reach its deliver step.");
    }
    List<ReportMail> again = new ArrayList<>();
    for (DeliveryLedger.Failed failed : ledger.failed(runId)) {
      String department = departmentOf(failed.reportFile());
      again.add(new ReportMail(runId, failed.asOf(), home.outbox().resolve(failed.reportFile()), department,
          failed.list(), failed.recipient()));
    }
    List<Outcome> outcomes = send(again);
    outcomes.forEach(o -> ledger.record(o, RESEND));
    return new Result(again.size(), 0, outcomes);
  }

  /**
   * Sends one report of the outbox (a file name there) to a configured list, or to addresses
   * given by hand; recorded like any delivery.
   */
  public Result resend(String reportFile, String listName, List<String> addresses) {
    Path report = home.outbox().resolve(Path.of(reportFile).getFileName().toString());
    if (!Files.isRegularFile(report)) {
      throw new NothingToResendException("There is no report " + report.getFileName() + " in the outbox "
          + home.outbox() + "; `ls " + home.outbox() + "` lists the reports there.");
    }
    String asOf = ReportFiles.asOfOf(report.getFileName().toString());
    String department = departmentOf(report.getFileName().toString());
    List<ReportMail> mails = new ArrayList<>();
    if (listName != null) {
      DeliveryProperties.MailList list = settings.lists().get(listName);
      if (list == null) {
        throw new NothingToResendException("There is no distribution list '" + listName + "'; the lists under"
            + " plumbline.delivery.email.lists are " + lists() + ".");
      }
      list.to().forEach(a -> mails.add(new ReportMail(null, asOf, report, department, listName, a.strip())));
    }
    for (String address : addresses) {
      if (!DeliverySettingsCheck.isAddress(address)) {
        throw new NothingToResendException("'" + address + "' is not an e-mail address such as name@example.com.");
      }
      mails.add(new ReportMail(null, asOf, report, department, null, address.strip()));
    }
    DeliveryLedger ledger = new DeliveryLedger(warehouse.get());
    List<Outcome> outcomes = send(mails);
    outcomes.forEach(o -> ledger.record(o, RESEND));
    return new Result(mails.size(), 0, outcomes);
  }

  /** The department code in "executive-report_PROD_as-of-…", null for the summary and other files. */
  static String departmentOf(String fileName) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^executive-report_(.+)_as-of-").matcher(fileName);
    return m.find() ? m.group(1) : null;
  }

  /**
   * Tries every e-mail up to {@code attempts} times, one connection per round for all still
   * pending, waiting {@code backoff}, then twice as long, between rounds.
   */
  private List<Outcome> send(List<ReportMail> mails) {
    LocalDateTime started = LocalDateTime.now(clock);
    Map<ReportMail, Outcome> done = new LinkedHashMap<>();
    Map<MimeMessage, ReportMail> pending = new LinkedHashMap<>();
    Map<ReportMail, String> hashes = new LinkedHashMap<>();
    for (ReportMail mail : mails) {
      done.put(mail, null);
      try {
        byte[] bytes = Files.readAllBytes(mail.report());
        hashes.put(mail, sha256(bytes));
        pending.put(message(mail, bytes), mail);
      } catch (NoSuchFileException e) {
        done.put(mail, new Outcome(mail, null, false, 0, "The report " + mail.reportFile() + " is not in the outbox "
            + home.outbox() + (mail.department() == null ? "." : "; is '" + mail.department()
            + "' a department code in config/governance (departments)?"), started, LocalDateTime.now(clock)));
      } catch (IOException | MessagingException e) {
        done.put(mail, new Outcome(mail, null, false, 0, "Could not prepare the e-mail with " + mail.reportFile()
            + ": " + e.getMessage(), started, LocalDateTime.now(clock)));
      }
    }
    Duration wait = settings.backoff();
    for (int attempt = 1; attempt <= settings.attempts() && !pending.isEmpty(); attempt++) {
      if (attempt > 1 && !pause(wait)) {
        break;
      }
      if (attempt > 1) {
        wait = wait.multipliedBy(2);
      }
      Map<MimeMessage, SmtpMailer.Failure> failures = mailer().send(new ArrayList<>(pending.keySet()));
      for (MimeMessage message : new ArrayList<>(pending.keySet())) {
        ReportMail mail = pending.get(message);
        SmtpMailer.Failure failure = failures.get(message);
        if (failure == null) {
          done.put(mail, new Outcome(mail, hashes.get(mail), true, attempt, null, started, LocalDateTime.now(clock)));
          pending.remove(message);
          log.info("E-mailed {} to {} ({} attempt{})", mail.reportFile(), mail.recipient(), attempt,
              attempt == 1 ? "" : "s");
        } else if (failure.permanent() || attempt == settings.attempts()) {
          done.put(mail, new Outcome(mail, hashes.get(mail), false, attempt, failure.reason(), started,
              LocalDateTime.now(clock)));
          pending.remove(message);
          log.warn("Could not e-mail {} to {} after {} attempt{}: {}", mail.reportFile(), mail.recipient(), attempt,
              attempt == 1 ? "" : "s", failure.reason());
        }
      }
    }
    // Interrupted (the run was stopped) before the last attempt: what is still pending failed.
    pending.forEach((message, mail) -> done.put(mail, new Outcome(mail, hashes.get(mail), false,
        settings.attempts(), "The run was stopped before the e-mail could be sent.", started,
        LocalDateTime.now(clock))));
    return new ArrayList<>(done.values());
  }

  private MimeMessage message(ReportMail mail, byte[] pdf) throws MessagingException {
    MimeMessage message = mailer().newMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom(settings.from());
    helper.setTo(mail.recipient());
    helper.setSubject(text.subject(mail));
    helper.setText(text.body(mail));
    helper.addAttachment(mail.reportFile(), new ByteArrayResource(pdf), contentType(mail.reportFile()));
    return message;
  }

  private static String contentType(String fileName) {
    if (fileName.endsWith(".pdf")) {
      return "application/pdf";
    }
    if (fileName.endsWith(".xlsx")) {
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }
    return fileName.endsWith(".csv") ? "text/csv" : "application/octet-stream";
  }

  private synchronized SmtpMailer mailer() {
    if (mailer == null) {
      if (settings.smtp().host() == null || settings.smtp().host().isBlank()) {
        throw new org.plumbline.system.SettingsInvalidException("No mail server is configured: set"
            + " plumbline.delivery.email.smtp.host (and enabled: true) in config/application.yml.");
      }
      mailer = new SmtpMailer(settings.smtp());
    }
    return mailer;
  }

  private static boolean pause(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String sha256(Path file) {
    try {
      return sha256(Files.readAllBytes(file));
    } catch (IOException e) {
      return null;
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This Java has no SHA-256.", e);
    }
  }

  /** The resend cannot be done as asked; the message says why and what to do instead. */
  public static final class NothingToResendException extends RuntimeException {
    NothingToResendException(String message) {
      super(message);
    }
  }
}
