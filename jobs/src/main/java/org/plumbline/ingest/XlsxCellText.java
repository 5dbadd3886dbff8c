package org.plumbline.ingest;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.dhatim.fastexcel.reader.Cell;

/**
 * The raw text of a spreadsheet cell as it is stored, and its {@link CellKind}: numbers with
 * full precision (a cell shown as 98% is the fraction 0.98, of kind percent; a duration shown
 * as 36:00 is 1.5 days, of kind duration), text as typed, formulas by their cached value. The
 * one exception is a date: Excel stores it as a serial number whose meaning depends on the
 * workbook's date system (1900 or 1904), so it is written as an ISO date while that is known.
 */
final class XlsxCellText {

  private XlsxCellText() {}

  /** The cell's kind; a blank cell is {@link CellKind#NUMBER}, which says nothing of a null field. */
  static char kind(Cell cell) {
    if (cell == null) {
      return CellKind.NUMBER;
    }
    return switch (cell.getType()) {
      case EMPTY -> CellKind.NUMBER;
      case NUMBER -> CellKind.ofNumberFormat(cell.getDataFormatId(), cell.getDataFormatString());
      case FORMULA -> formulaKind(cell);
      default -> CellKind.TEXT;
    };
  }

  /** The cell's raw text, given its {@link #kind}. */
  static String text(Cell cell, char kind) {
    if (cell == null) {
      return null;
    }
    return switch (cell.getType()) {
      case EMPTY -> null;
      case NUMBER -> kind == CellKind.DATE ? isoDate(cell.asDate()) : cell.getRawValue();
      case FORMULA -> cell.getRawValue() != null ? cell.getRawValue() : "=" + cell.getFormula();
      default -> cell.getRawValue() != null ? cell.getText() : null;
    };
  }

  /**
   * A formula's number is read like a number cell's, except that a date result stays the stored
   * serial number it always was (kind other); a text result, or a formula without a cached
   * value (its text is the formula), is text.
   */
  private static char formulaKind(Cell cell) {
    if (!(cell.getValue() instanceof BigDecimal)) {
      return CellKind.TEXT;
    }
    char kind = CellKind.ofNumberFormat(cell.getDataFormatId(), cell.getDataFormatString());
    return kind == CellKind.DATE ? CellKind.OTHER : kind;
  }

  private static String isoDate(LocalDateTime value) {
    if (value == null) {
      return null;
    }
    return value.toLocalTime().toSecondOfDay() == 0 ? value.toLocalDate().toString() : value.toString();
  }
}
