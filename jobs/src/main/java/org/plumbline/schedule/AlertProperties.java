package org.plumbline.schedule;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who hears about a failed or stuck run: {@code plumbline.alerts.*} in config/application.yml.
 * E-mail needs {@code spring.mail.host} (and port, username, password) as well.
 *
 * @param emailTo addresses to e-mail; none means no e-mail
 * @param emailFrom the sender address
 * @param webhookUrl a URL that receives a JSON POST ({@code text} plus details); none means no webhook
 * @param stuckAfter a run whose job repository record has not changed for this long counts as stuck
 * @param consoleUrl the console's address as ops staff reach it, for links in alerts
 */
@ConfigurationProperties("plumbline.alerts")
public record AlertProperties(List<String> emailTo, String emailFrom, String webhookUrl, Duration stuckAfter,
    String consoleUrl) {

  public AlertProperties {
    emailTo = emailTo == null ? List.of() : List.copyOf(emailTo);
    emailFrom = emailFrom == null || emailFrom.isBlank() ? "plumbline@localhost" : emailFrom;
    stuckAfter = stuckAfter == null ? Duration.ofHours(2) : stuckAfter;
  }

  boolean anyChannel() {
    return !emailTo.isEmpty() || (webhookUrl != null && !webhookUrl.isBlank());
  }
}
