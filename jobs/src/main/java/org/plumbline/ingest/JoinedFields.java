package org.plumbline.ingest;

/**
 * A row's fields as the one text the workbook readers append ({@code incoming_row_joined}):
 * fields separated by U+0000, a blank cell as U+0001 alone, and U+0000, U+0001 and U+0002
 * inside a text escaped as U+0002 followed by 'a', 'b' or 'c', so that every text, control
 * characters included, comes back exactly ({@code sql/ingest/sheet_rows.sql} decodes it).
 * One reusable buffer: a sheet of any size makes no garbage here but the text itself.
 */
final class JoinedFields {

  static final char SEPARATOR = '\u0000';
  static final char BLANK = '\u0001';
  static final char ESCAPE = '\u0002';

  private final StringBuilder text = new StringBuilder(256);
  private boolean first = true;

  void clear() {
    text.setLength(0);
    first = true;
  }

  /** Adds the next field; null is a blank cell. */
  void add(String field) {
    if (!first) {
      text.append(SEPARATOR);
    }
    first = false;
    if (field == null) {
      text.append(BLANK);
      return;
    }
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c <= ESCAPE) {
        text.append(ESCAPE).append((char) ('a' + c));
      } else {
        text.append(c);
      }
    }
  }

  String text() {
    return text.toString();
  }
}
