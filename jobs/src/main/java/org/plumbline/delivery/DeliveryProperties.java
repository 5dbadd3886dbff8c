package org.plumbline.delivery;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the nightly run's reports leave the outbox: {@code plumbline.delivery.*} in
 * config/application.yml. Both are off unless switched on; {@link DeliverySettingsCheck} checks
 * every value at start-up.
 *
 * @param xlsx also write the report's tables as one workbook beside the PDFs
 * @param email e-mail the PDFs to distribution lists
 */
@ConfigurationProperties("plumbline.delivery")
public record DeliveryProperties(Boolean xlsx, Email email) {

  public DeliveryProperties {
    xlsx = xlsx != null && xlsx;
    email = email == null ? new Email(null, null, null, null, null, null) : email;
  }

  /**
   * @param enabled send e-mail at all
   * @param from the sender address
   * @param smtp the mail server
   * @param attempts how often one e-mail is tried before it is recorded as failed (1 to 10)
   * @param backoff the wait after the first failed attempt, doubled after each further one
   * @param lists the distribution lists by name: which report goes to which addresses
   */
  public record Email(Boolean enabled, String from, Smtp smtp, Integer attempts, Duration backoff,
      Map<String, MailList> lists) {
    public Email {
      enabled = enabled != null && enabled;
      smtp = smtp == null ? new Smtp(null, null, null, null, null, null) : smtp;
      attempts = attempts == null ? 3 : attempts;
      backoff = backoff == null ? Duration.ofSeconds(10) : backoff;
      lists = lists == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lists));
    }
  }

  /**
   * @param host the SMTP server's name
   * @param port its port; default 25, 587 with STARTTLS, 465 with SSL
   * @param username the login, if the server wants one
   * @param password its password
   * @param security none, starttls (required, the default) or ssl
   * @param timeout how long to wait for the server to connect or answer, per step of the conversation
   */
  public record Smtp(String host, Integer port, String username, String password, String security,
      Duration timeout) {
    public Smtp {
      security = security == null || security.isBlank() ? "starttls" : security.strip().toLowerCase(java.util.Locale.ROOT);
      timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
    }

    /** The port to use: the configured one, else the usual one for the security chosen. */
    public int effectivePort() {
      if (port != null) {
        return port;
      }
      return switch (security) {
        case "ssl" -> 465;
        case "starttls" -> 587;
        default -> 25;
      };
    }
  }

  /**
   * One distribution list.
   *
   * @param report {@code summary} (the company-wide executive summary) or a department code such
   *     as {@code PROD} (that department head's drill-down, which holds only its own findings)
   * @param to the addresses
   */
  public record MailList(String report, List<String> to) {
    public MailList {
      to = to == null ? List.of() : List.copyOf(to);
    }

    /** Whether this list receives the company-wide summary rather than one department's report. */
    public boolean summary() {
      return report != null && SUMMARY.equalsIgnoreCase(report.strip());
    }
  }

  /** The value of {@code report} that names the company-wide executive summary. */
  public static final String SUMMARY = "summary";
}
