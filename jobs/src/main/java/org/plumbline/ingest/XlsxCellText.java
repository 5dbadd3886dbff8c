package org.plumbline.ingest;

import java.time.LocalDateTime;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.Cell;

/**
 * The raw text of a spreadsheet cell as it is stored: numbers with full precision (a cell
 * shown as 98% is the fraction 0.98), text as typed, formulas by their cached value. The one
 * exception is a date: Excel stores it as a serial number whose meaning depends on the
 * workbook's date system (1900 or 1904), so it is written as an ISO date while that is known.
 */
final class XlsxCellText {

  /** Date/time tokens in a number format once quoted text and [colour] parts are removed. */
  private static final Pattern DATE_TOKENS = Pattern.compile("[dmyhs]", Pattern.CASE_INSENSITIVE);

  /** Excel's built-in date and time formats, which a workbook refers to by number only. */
  private static final java.util.Set<Integer> BUILT_IN_DATE_FORMATS =
      java.util.Set.of(14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47);

  /**
   * Whether a format string is a date format, by format: a workbook has a handful of formats
   * and hundreds of thousands of number cells, and the test takes two regular expressions.
   */
  private static final java.util.Map<String, Boolean> DATE_FORMAT_CACHE =
      java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Boolean> eldest) {
          return size() > 1024; // a crafted workbook with endless formats cannot grow the heap
        }
      });

  private XlsxCellText() {}

  static String of(Cell cell) {
    if (cell == null) {
      return null;
    }
    return switch (cell.getType()) {
      case EMPTY -> null;
      case NUMBER -> isDate(cell) ? isoDate(cell.asDate()) : cell.getRawValue();
      case FORMULA -> cell.getRawValue() != null ? cell.getRawValue() : "=" + cell.getFormula();
      default -> cell.getRawValue() != null ? cell.getText() : null;
    };
  }

  private static boolean isDate(Cell cell) {
    Integer id = cell.getDataFormatId();
    if (id != null && BUILT_IN_DATE_FORMATS.contains(id)) {
      return true;
    }
    String format = cell.getDataFormatString();
    return format != null && DATE_FORMAT_CACHE.computeIfAbsent(format, XlsxCellText::isDateFormat);
  }

  static boolean isDateFormat(String format) {
    if (format == null || format.equalsIgnoreCase("general")) {
      return false;
    }
    String stripped = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "");
    return DATE_TOKENS.matcher(stripped).find();
  }

  private static String isoDate(LocalDateTime value) {
    if (value == null) {
      return null;
    }
    return value.toLocalTime().toSecondOfDay() == 0 ? value.toLocalDate().toString() : value.toString();
  }
}
