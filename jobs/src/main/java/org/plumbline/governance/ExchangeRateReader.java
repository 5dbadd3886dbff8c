package org.plumbline.governance;

import static org.plumbline.governance.Block.Need.REQUIRED;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Reads one entry of {@code exchange_rates}: {@code { currency: USD, base: EUR, month: 2025-01, rate: 0.92 }}. */
final class ExchangeRateReader {

  private ExchangeRateReader() {}

  static ExchangeRate read(Block entry) {
    String currency = code(entry, "currency");
    String base = code(entry, "base");
    String monthText = entry.text("month", REQUIRED);
    YearMonth month = null;
    if (monthText != null) {
      try {
        month = YearMonth.parse(monthText);
      } catch (DateTimeParseException e) {
        entry.problem("month", "'month' must be a month written yyyy-mm (for example 2025-01), but it is '"
            + monthText + "'.");
      }
    }
    Double rate = entry.number("rate", REQUIRED);
    if (rate != null && rate <= 0) {
      entry.problem("rate", "An exchange rate is more than 0; this one is " + rate + ".");
    }
    return new ExchangeRate(currency, base, month, rate == null ? 0 : rate);
  }

  private static String code(Block entry, String key) {
    String code = entry.text(key, REQUIRED);
    if (code != null && !code.matches("[A-Z]{3}")) {
      entry.problem(key, "'" + key + "' is a three-letter ISO currency code such as EUR or USD, not '" + code + "'.");
    }
    return code;
  }
}
