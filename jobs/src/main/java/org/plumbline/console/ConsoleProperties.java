package org.plumbline.console;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The console's users, under {@code plumbline.console.users} in config/application.yml. Passwords
 * are stored only as hashes ({@code plumbline hash-password} makes one).
 */
@ConfigurationProperties("plumbline.console")
public record ConsoleProperties(List<User> users) {

  public ConsoleProperties {
    users = users == null ? List.of() : List.copyOf(users);
  }

  /**
   * @param name the login name
   * @param passwordHash a hash such as {@code {bcrypt}$2a$10$…}
   * @param role {@code viewer} (read only) or {@code operator} (also launch, stop, restart)
   */
  public record User(String name, String passwordHash, String role) {}
}
