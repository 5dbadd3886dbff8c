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

  private XlsxCellText() {}

  static String of(Cell cell) {
    if (cell == null) {
      return null;
    }
    return switch (cell.getType()) {
      case EMPTY -> null;
      case NUMBER -> isDateFormat(cell.getDataFormatString()) ? isoDate(cell.asDate()) : cell.getRawValue();
      case FORMULA -> cell.getRawValue() != null ? cell.getRawValue() : "=" + cell.getFormula();
      default -> cell.getRawValue() != null ? cell.getText() : null;
    };
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
