package org.plumbline.delivery;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.plumbline.system.SettingOrigin;
import org.plumbline.system.SettingsInvalidException;
import org.springframework.core.env.Environment;

/**
 * Checks {@code plumbline.delivery.*} at start-up, so that a mistyped address or a missing mail
 * server stops every command at once instead of failing a delivery at night. Each problem names
 * the file, line and key it came from, like the governance model's problems.
 */
final class DeliverySettingsCheck {

  private static final String PREFIX = "plumbline.delivery.email.";

  private final Environment environment;
  private final Supplier<Optional<Set<String>>> departments;
  private final List<String> problems = new ArrayList<>();

  private DeliverySettingsCheck(Environment environment, Supplier<Optional<Set<String>>> departments) {
    this.environment = environment;
    this.departments = departments;
  }

  /**
   * Throws {@link SettingsInvalidException} listing every problem; returns the settings when there is none.
   *
   * @param departments the department codes of the governance model, asked only when a list names a
   *     department's report; empty when the model cannot be read (its own check reports that)
   */
  static DeliveryProperties check(DeliveryProperties properties, Environment environment,
      Supplier<Optional<Set<String>>> departments) {
    DeliverySettingsCheck check = new DeliverySettingsCheck(environment, departments);
    check.email(properties.email());
    if (!check.problems.isEmpty()) {
      throw new SettingsInvalidException(String.join(System.lineSeparator(), check.problems));
    }
    return properties;
  }

  private void email(DeliveryProperties.Email email) {
    DeliveryProperties.Smtp smtp = email.smtp();
    if (email.enabled()) {
      if (smtp.host() == null || smtp.host().isBlank()) {
        problem("smtp.host", "E-mail delivery is on (enabled: true) but no mail server is named; set the SMTP"
            + " server's host name, or set enabled: false.");
      }
      if (email.from() == null || email.from().isBlank()) {
        problem("from", "E-mail delivery is on but no sender address is set; set the address the reports come"
            + " from, e.g. reports@example.com.");
      }
      if (email.lists().isEmpty()) {
        problem("lists", "E-mail delivery is on but there is no distribution list; add one, e.g. executives:"
            + " {report: summary, to: [ceo@example.com]}.");
      }
    }
    if (email.from() != null && !email.from().isBlank() && !isAddress(email.from())) {
      problem("from", "'" + email.from() + "' is not an e-mail address such as reports@example.com.");
    }
    if (!List.of("none", "starttls", "ssl").contains(smtp.security())) {
      problem("smtp.security", "must be none, starttls or ssl, not '" + smtp.security() + "'.");
    }
    if (smtp.port() != null && (smtp.port() < 1 || smtp.port() > 65535)) {
      problem("smtp.port", "must be a port number from 1 to 65535, not " + smtp.port() + ".");
    }
    if (smtp.timeout().isNegative() || smtp.timeout().isZero() || smtp.timeout().compareTo(Duration.ofMinutes(10)) > 0) {
      problem("smtp.timeout", "must be more than zero and at most 10 minutes (e.g. 30s), not " + smtp.timeout()
          + "; without a limit a silent server would hold the nightly run.");
    }
    if (email.attempts() < 1 || email.attempts() > 10) {
      problem("attempts", "must be from 1 to 10, not " + email.attempts() + ".");
    }
    if (email.backoff().isNegative() || email.backoff().compareTo(Duration.ofMinutes(10)) > 0) {
      problem("backoff", "must be from 0 to 10 minutes (e.g. 10s), not " + email.backoff() + ".");
    }
    for (Map.Entry<String, DeliveryProperties.MailList> list : email.lists().entrySet()) {
      list(list.getKey(), list.getValue());
    }
  }

  private void list(String name, DeliveryProperties.MailList list) {
    String key = "lists." + name;
    if (list.report() == null || list.report().isBlank()) {
      problem(key, "says no report; set report: summary (the executive summary) or a department code such as"
          + " PROD (that department's report).");
    } else if (!list.report().strip().matches("[A-Za-z0-9_-]+")) {
      problem(key + ".report", "must be summary or a department code such as PROD, not '" + list.report() + "'.");
    } else if (!list.summary()) {
      // A mistyped code would otherwise surface at night as a report that was never made.
      departments.get().filter(codes -> !codes.contains(list.report().strip())).ifPresent(codes ->
          problem(key + ".report", "'" + list.report().strip() + "' is not a department of the governance model"
              + " (config/governance/departments.yml); set summary or one of " + new TreeSet<>(codes) + "."));
    }
    if (list.to().isEmpty()) {
      problem(key + ".to", "names no address; list the recipients, e.g. to: [ceo@example.com].");
    }
    for (int i = 0; i < list.to().size(); i++) {
      String address = list.to().get(i);
      if (!isAddress(address)) {
        problem(key + ".to[" + i + "]", "'" + address + "' is not an e-mail address such as name@example.com.");
      }
    }
  }

  /** A plain address (name@domain), as a mail server accepts it: no display names, no lists. */
  static boolean isAddress(String text) {
    if (text == null || text.isBlank() || !text.strip().matches("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\"]+")) {
      return false;
    }
    try {
      new InternetAddress(text.strip(), true).validate();
      return true;
    } catch (AddressException e) {
      return false;
    }
  }

  private void problem(String key, String message) {
    String full = PREFIX + key;
    problems.add(SettingOrigin.of(environment, full) + " " + full + ": " + message);
  }
}
