package org.plumbline.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.plumbline.system.SettingOrigin;
import org.plumbline.system.SettingsInvalidException;
import org.springframework.core.env.Environment;

/**
 * Checks {@code plumbline.console.users} at start-up of every command, not only of serve: a
 * password pasted where its hash belongs, or a role that is neither viewer nor operator, must stop
 * the command that meets it first, naming file, line and key, not wait for the next start of serve.
 */
final class ConsoleUsersCheck {

  static final String VIEWER = "viewer";
  static final String OPERATOR = "operator";
  private static final String PREFIX = "plumbline.console.users";

  private final Environment environment;
  private final List<String> problems = new ArrayList<>();

  private ConsoleUsersCheck(Environment environment) {
    this.environment = environment;
  }

  /** Throws {@link SettingsInvalidException} listing every problem; returns the users when there is none. */
  static ConsoleProperties check(ConsoleProperties properties, Environment environment) {
    ConsoleUsersCheck check = new ConsoleUsersCheck(environment);
    for (int i = 0; i < properties.users().size(); i++) {
      check.user(i, properties.users().get(i));
    }
    if (!check.problems.isEmpty()) {
      throw new SettingsInvalidException(String.join(System.lineSeparator(), check.problems));
    }
    return properties;
  }

  private void user(int index, ConsoleProperties.User user) {
    String key = PREFIX + "[" + index + "].";
    String who = user.name() == null || user.name().isBlank() ? "user " + (index + 1) : user.name();
    if (user.name() == null || user.name().isBlank()) {
      problem(key + "name", "a console user needs a login name.");
    }
    if (user.passwordHash() == null || user.passwordHash().isBlank()) {
      problem(key + "password-hash", "the hash of " + who + "'s password is missing; make one with"
          + " `plumbline hash-password`.");
    } else if (!user.passwordHash().strip().matches("\\{[^{}\\s]+}\\S+")) {
      // Never echoed: it may be the password itself.
      problem(key + "password-hash", "must be a hash such as {bcrypt}$2a$10$…, never a password; make one for "
          + who + " with `plumbline hash-password`.");
    }
    if (role(user) == null) {
      problem(key + "role", "must be " + VIEWER + " (read only) or " + OPERATOR + " (also launch, stop, restart), not "
          + (user.role() == null ? "missing" : "'" + user.role() + "'") + ".");
    }
  }

  /** The user's role in lower case, or null when it is neither viewer nor operator. */
  static String role(ConsoleProperties.User user) {
    String role = user.role() == null ? "" : user.role().strip().toLowerCase(Locale.ROOT);
    return role.equals(VIEWER) || role.equals(OPERATOR) ? role : null;
  }

  private void problem(String key, String message) {
    problems.add(SettingOrigin.of(environment, key) + " " + key + ": " + message);
  }
}
