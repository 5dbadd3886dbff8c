package org.plumbline.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a workbook cell is, beside its text: the typing needs it, because the text alone cannot
 * tell a number cell ("12.5", always with a decimal point) from the text "12.500" pasted from
 * SAP, a cell formatted as a percentage (it stores 0.98 and shows 98 %) from a plain 0.98, or a
 * duration (36:00 stored as 1.5 days) from a number. One character a cell, in the row's
 * {@code kinds} text beside its fields ({@code incoming_row_joined}): the readers leave out the
 * trailing plain numbers, so a row of plain numbers costs an empty text, and a cell past the
 * text's end is a plain number (or blank: a blank cell's field is null, its kind says nothing).
 * A row of a file that is not a workbook has no kinds (null).
 */
final class CellKind {

  /** A number cell with a plain number format (General, 0.00, #,##0 "Stk"…), or a blank cell. */
  static final char NUMBER = 'n';
  /** A number cell formatted as a percentage: it stores the fraction (0.98) and shows 98 %. */
  static final char PERCENT = 'p';
  /** A date cell (its text is an ISO date). */
  static final char DATE = 'd';
  /** A number cell formatted as a duration or a time of day ([h]:mm, mm:ss, h:mm): no date part. */
  static final char DURATION = 't';
  /** A text cell, or a formula's text result, a boolean or an error: typed from its text. */
  static final char TEXT = 's';
  /** A formula's number formatted as a date: its text is the stored serial number, as before. */
  static final char OTHER = 'o';

  /** Elapsed-time tokens: [h], [mm], [ss]…, a duration whatever else the format says. */
  private static final Pattern ELAPSED = Pattern.compile("\\[(h+|m+|s+)]", Pattern.CASE_INSENSITIVE);
  /** Quoted text, escaped characters (\x) and padding/repeat directives (_x, *x), which show literally. */
  private static final Pattern LITERALS = Pattern.compile("\"[^\"]*\"|\\\\.|_.|\\*.");
  /** [Red], [$-407], [<100]: colours, locales and conditions. */
  private static final Pattern BRACKETS = Pattern.compile("\\[[^]]*]");

  /**
   * A workbook has a handful of formats and hundreds of thousands of number cells: each format
   * is classified once. Bounded, so a crafted workbook with endless formats cannot grow the heap.
   */
  private static final Map<String, Character> BY_FORMAT = Collections.synchronizedMap(
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Character> eldest) {
          return size() > 1024;
        }
      });

  private CellKind() {}

  /** A number cell's kind by its format: Excel's built-in formats are known by number only. */
  static char ofNumberFormat(Integer formatId, String format) {
    if (formatId != null) {
      switch (formatId) {
        case 0:
          return NUMBER;
        case 9, 10:
          return PERCENT;
        case 14, 15, 16, 17, 22:
          return DATE;
        case 18, 19, 20, 21, 45, 46, 47:
          return DURATION;
        default:
          break;
      }
    }
    return format == null ? NUMBER : BY_FORMAT.computeIfAbsent(format, CellKind::classify);
  }

  /**
   * A custom format's kind: a date when it shows a day, month or year; a duration when it shows
   * elapsed time ([h]) or only hours, minutes and seconds; a percentage when it has a % outside
   * quotes; else a plain number. ("m" alone is a month in Excel, and next to h or s a minute.)
   */
  static char classify(String format) {
    if (format == null || format.equalsIgnoreCase("general")) {
      return NUMBER;
    }
    String shown = LITERALS.matcher(format.split(";", -1)[0]).replaceAll("");
    if (ELAPSED.matcher(shown).find()) {
      return DURATION;
    }
    String tokens = BRACKETS.matcher(shown).replaceAll("").toLowerCase(java.util.Locale.ROOT);
    if (tokens.indexOf('d') >= 0 || tokens.indexOf('y') >= 0) {
      return DATE;
    }
    if (tokens.indexOf('h') >= 0 || tokens.indexOf('s') >= 0) {
      return DURATION;
    }
    if (tokens.indexOf('m') >= 0) {
      return DATE;
    }
    return tokens.indexOf('%') >= 0 ? PERCENT : NUMBER;
  }
}
