package org.plumbline.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writing the CSV dialects the demo's departments and systems use. */
final class CsvText {

  /** Excel on a German Windows desktop writes CRLF; the system exports write LF. */
  static final String CRLF = "\r\n";
  static final String LF = "\n";

  private CsvText() {}

  /** One record; a field holding the delimiter, a quote or a line break is quoted. */
  static String line(String delimiter, List<String> fields) {
    return fields.stream().map(f -> quote(f, delimiter)).collect(Collectors.joining(delimiter));
  }

  /** Writes UTF-8, with a byte-order mark if asked (Excel's "CSV UTF-8" adds one). */
  static void write(Path file, List<String> lines, String lineEnd, boolean byteOrderMark) throws IOException {
    StringBuilder text = new StringBuilder(byteOrderMark ? "\uFEFF" : "");
    for (String line : lines) {
      text.append(line).append(lineEnd);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** German number format: 8.412,50 for pattern {@code #,##0.00}. */
  static String german(BigDecimal value, String pattern) {
    return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.GERMANY)).format(value);
  }

  private static String quote(String field, String delimiter) {
    if (field.contains(delimiter) || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
      return "\"" + field.replace("\"", "\"\"") + "\"";
    }
    return field;
  }
}
