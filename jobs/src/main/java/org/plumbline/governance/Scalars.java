package org.plumbline.governance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads a value as written in YAML as a number, whole number, boolean, date or one of a list.
 * Each returns null after telling {@code problem} in a sentence what is wrong.
 *
 * <p>It works on the text as written rather than on SnakeYAML's typed values, so a department
 * code {@code NO} stays the text "NO" and is never the boolean false.
 */
final class Scalars {

  private Scalars() {}

  /** A number as a message shows it: 0.5, 100, 1000 (no exponent, no trailing zeros, six decimals at most). */
  static String plain(double number) {
    return BigDecimal.valueOf(number).setScale(6, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  static Double number(String key, String text, Consumer<String> problem) {
    try {
      // YAML allows 1_000 for readability; BigDecimal refuses forms people do not mean (0x1A, .inf).
      double value = new BigDecimal(text.replace("_", "")).doubleValue();
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    problem.accept("'" + key + "' must be a number such as 95 or 0.5, but it is '" + text + "'."
        + (text.contains(",") ? " Write decimals with a point, not a comma." : ""));
    return null;
  }

  /** A whole number of at least 1 (a version, a row number). */
  static Integer count(String key, String text, Consumer<String> problem) {
    try {
      int value = Integer.parseInt(text.replace("_", ""));
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException notAWholeNumber) {
      // reported below
    }
    problem.accept("'" + key + "' must be a whole number of at least 1, but it is '" + text + "'.");
    return null;
  }

  static Boolean bool(String key, String text, Consumer<String> problem) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on":
        return true;
      case "false", "no", "off":
        return false;
      default:
        problem.accept("'" + key + "' must be true or false, but it is '" + text + "'.");
        return null;
    }
  }

  static LocalDate date(String key, String text, Consumer<String> problem) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException notADate) {
      problem.accept("'" + key + "' must be a date written yyyy-mm-dd (for example 2024-01-31), but it is '"
          + text + "'.");
      return null;
    }
  }

  /** One of the allowed texts; case does not matter, the allowed spelling is returned. */
  static String oneOf(String key, String text, List<String> allowed, Consumer<String> problem) {
    for (String candidate : allowed) {
      if (candidate.equalsIgnoreCase(text.strip())) {
        return candidate;
      }
    }
    problem.accept("'" + key + "' must be one of " + String.join(", ", allowed) + ", but it is '" + text + "'."
        + Suggestions.didYouMean(text, allowed));
    return null;
  }
}
