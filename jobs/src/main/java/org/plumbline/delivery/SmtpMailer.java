package org.plumbline.delivery;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.plumbline.operations.PlainWords;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Talks to the configured SMTP server, with a time limit on connecting, reading and writing so
 * that a silent server can never hold a run. One round sends a batch over one connection and
 * says, per message, whether it went and if not, why and whether trying again can help.
 */
final class SmtpMailer {

  /** Why one message did not go; {@code permanent} when another attempt would fail the same way. */
  record Failure(String reason, boolean permanent) {}

  private final JavaMailSenderImpl sender = new JavaMailSenderImpl();
  private final String server;

  SmtpMailer(DeliveryProperties.Smtp smtp) {
    boolean ssl = "ssl".equals(smtp.security());
    sender.setProtocol(ssl ? "smtps" : "smtp");
    sender.setHost(smtp.host());
    sender.setPort(smtp.effectivePort());
    sender.setDefaultEncoding("UTF-8");
    boolean login = smtp.username() != null && !smtp.username().isBlank();
    if (login) {
      sender.setUsername(smtp.username());
      sender.setPassword(smtp.password());
    }
    String protocol = ssl ? "smtps" : "smtp";
    String millis = String.valueOf(smtp.timeout().toMillis());
    Properties properties = new Properties();
    properties.setProperty("mail." + protocol + ".auth", String.valueOf(login));
    properties.setProperty("mail." + protocol + ".connectiontimeout", millis);
    properties.setProperty("mail." + protocol + ".timeout", millis);
    properties.setProperty("mail." + protocol + ".writetimeout", millis);
    if ("starttls".equals(smtp.security())) {
      properties.setProperty("mail.smtp.starttls.enable", "true");
      properties.setProperty("mail.smtp.starttls.required", "true");
    }
    if (!"none".equals(smtp.security())) {
      properties.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
    }
    sender.setJavaMailProperties(properties);
    this.server = smtp.host() + ":" + smtp.effectivePort();
  }

  MimeMessage newMessage() {
    return sender.createMimeMessage();
  }

  /** Sends the batch over one connection; returns the failures by message (none: all sent). */
  Map<MimeMessage, Failure> send(List<MimeMessage> messages) {
    Map<MimeMessage, Failure> failures = new LinkedHashMap<>();
    if (messages.isEmpty()) {
      return failures;
    }
    try {
      sender.send(messages.toArray(MimeMessage[]::new));
    } catch (MailAuthenticationException e) {
      Failure failure = new Failure("The mail server " + server + " did not accept the login of '"
          + sender.getUsername() + "' (plumbline.delivery.email.smtp.username and password).", true);
      messages.forEach(m -> failures.put(m, failure));
    } catch (MailSendException e) {
      for (MimeMessage m : messages) {
        Exception cause = e.getFailedMessages().get(m);
        if (cause != null) {
          failures.put(m, explain(cause));
        } else if (e.getFailedMessages().isEmpty()) {
          failures.put(m, explain(e));
        }
      }
    } catch (MailException e) {
      Failure failure = explain(e);
      messages.forEach(m -> failures.put(m, failure));
    }
    return failures;
  }

  /** The failure in words an operator can act on; a refused address or login is not worth retrying. */
  private Failure explain(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof AuthenticationFailedException) {
        return new Failure("The mail server " + server + " did not accept the login of '" + sender.getUsername()
            + "' (plumbline.delivery.email.smtp.username and password).", true);
      }
      if (t instanceof SendFailedException refused && refused.getInvalidAddresses() != null
          && refused.getInvalidAddresses().length > 0) {
        return new Failure("The mail server " + server + " refused the address: " + PlainWords.firstLineOf(refused), true);
      }
      if (t instanceof ConnectException) {
        return new Failure("The mail server " + server + " could not be reached: " + t.getMessage() + ".", false);
      }
      if (t instanceof UnknownHostException) {
        return new Failure("The mail server's name " + sender.getHost() + " is not known (DNS).", false);
      }
      if (t instanceof SocketTimeoutException) {
        return new Failure("The mail server " + server + " did not answer in time (plumbline.delivery.email.smtp"
            + ".timeout).", false);
      }
    }
    return new Failure("The mail server " + server + " did not take the e-mail: " + PlainWords.firstLineOf(innermost(failure)),
        false);
  }

  private static Throwable innermost(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t instanceof MessagingException || t.getMessage() != null ? t : failure;
  }
}
