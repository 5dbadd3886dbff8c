package org.plumbline.schedule;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.plumbline.operations.RunEndListener;
import org.plumbline.operations.RunView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Tells ops about a failed or stuck run by e-mail and/or webhook, once per run and kind: the
 * ledger of sent alerts lives in the job repository, so a restart of serve does not repeat one.
 */
final class Alerter implements RunEndListener {

  private static final Logger log = LoggerFactory.getLogger(Alerter.class);

  private final AlertProperties properties;
  private final ObjectProvider<JavaMailSender> mail;
  private final SentAlerts sent;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  Alerter(AlertProperties properties, ObjectProvider<JavaMailSender> mail, SentAlerts sent) {
    this.properties = properties;
    this.mail = mail;
    this.sent = sent;
  }

  @Override
  public void runEnded(JobExecution execution) {
    if (execution.getStatus() == BatchStatus.FAILED || execution.getStatus() == BatchStatus.UNKNOWN) {
      send(Alert.failed(RunView.of(execution), properties.consoleUrl()));
    }
  }

  void stuck(RunView run, Duration idle) {
    send(Alert.stuck(run, idle.toMinutes() + " minutes", properties.consoleUrl()));
  }

  void send(Alert alert) {
    if (!properties.anyChannel()) {
      log.warn("{} (no alert channel configured under plumbline.alerts)", alert.subject());
      return;
    }
    if (!sent.markSent(alert.run().id(), alert.kind())) {
      return;
    }
    if (!properties.emailTo().isEmpty()) {
      email(alert);
    }
    if (properties.webhookUrl() != null && !properties.webhookUrl().isBlank()) {
      webhook(alert);
    }
  }

  private void email(Alert alert) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      log.error("Cannot e-mail '{}': plumbline.alerts.email-to is set but spring.mail.host is not.", alert.subject());
      return;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(properties.emailFrom());
    message.setTo(properties.emailTo().toArray(String[]::new));
    message.setSubject(alert.subject());
    message.setText(alert.text());
    try {
      sender.send(message);
      log.info("E-mailed alert '{}' to {}", alert.subject(), properties.emailTo());
    } catch (RuntimeException e) {
      log.error("Could not e-mail alert '{}'", alert.subject(), e);
    }
  }

  private void webhook(Alert alert) {
    String body = "{\"text\":" + json(alert.text()) + ",\"run\":" + alert.run().id() + ",\"job\":"
        + json(alert.run().job()) + ",\"kind\":" + json(alert.kind()) + ",\"status\":"
        + json(alert.run().status().name()) + ",\"restart\":" + json(alert.run().restartCommand()) + "}";
    HttpRequest request = HttpRequest.newBuilder(URI.create(properties.webhookUrl()))
        .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 != 2) {
        log.error("The alert webhook answered {} for '{}'", response.statusCode(), alert.subject());
      }
    } catch (java.io.IOException e) {
      log.error("Could not call the alert webhook for '{}'", alert.subject(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
