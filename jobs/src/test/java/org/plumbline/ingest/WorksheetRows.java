package org.plumbline.ingest;

import org.dhatim.fastexcel.Worksheet;

/** Writes a test workbook's row in one call: numbers as number cells, texts as text cells, null as a blank cell. */
public final class WorksheetRows {

  private WorksheetRows() {}

  /** The cells of {@code row} (0-based, as fastexcel counts; Excel shows row + 1) from column A on. */
  public static void cells(Worksheet ws, int row, Object... values) {
    for (int c = 0; c < values.length; c++) {
      if (values[c] instanceof Number n) {
        ws.value(row, c, n);
      } else if (values[c] != null) {
        ws.value(row, c, (String) values[c]);
      }
    }
  }
}
