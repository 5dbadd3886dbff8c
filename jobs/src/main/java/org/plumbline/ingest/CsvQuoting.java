package org.plumbline.ingest;

/**
 * Where a CSV file's quoted fields are, as DuckDB's reader sees them, fed one character at a
 * time: a quote opens a quoted field only where a field starts (after a delimiter or at a line's
 * start); elsewhere it is text, as in {@code Ventil 1/2" DN15}. Inside quotes, a doubled quote
 * (or, with a backslash escape, the character after the backslash) is text, and a line break is
 * the field's text, not the line's end. Shared by {@link CsvLineScanner}, which numbers lines
 * with it, and {@link CsvCopy}, whose copy must break lines exactly where the scan did.
 */
final class CsvQuoting {

  /** What a character did: nothing special, opened a quoted field, or is text right after a closing quote. */
  static final int TEXT = 0;
  static final int OPENED = 1;
  static final int AFTER_CLOSING_QUOTE = 2;

  private final char delimiter;
  private final char escape;
  private boolean inQuotes;
  private boolean escaped;
  private boolean fieldStart = true;
  private boolean justClosed;

  CsvQuoting(char delimiter, char escape) {
    this.delimiter = delimiter;
    this.escape = escape;
  }

  boolean inQuotes() {
    return inQuotes;
  }

  /** Whether a character needs {@link #character}: a quote or the escape (a line break is {@link #lineBreak}). */
  boolean matters(int c) {
    return c == '"' || c == escape;
  }

  /** A character other than a line break; returns what it did. */
  int character(int c) {
    if (inQuotes) {
      if (escaped) {
        escaped = false; // the character after an escape is text, a quote too
      } else if (c == escape && escape != '"') {
        escaped = true;
      } else if (c == '"') {
        inQuotes = false;
        justClosed = true;
      }
      return TEXT;
    }
    boolean afterClose = justClosed;
    justClosed = false;
    if (c == '"' && (fieldStart || afterClose)) { // after a closing quote: a doubled quote, text
      inQuotes = true;
      fieldStart = false;
      return afterClose ? TEXT : OPENED;
    }
    fieldStart = c == delimiter;
    return afterClose && c != delimiter ? AFTER_CLOSING_QUOTE : TEXT;
  }

  /** A run of characters none of which {@link #matters} or breaks a line, from {@code first} to {@code last}. */
  int run(int first, int last) {
    if (inQuotes) {
      escaped = false;
      return TEXT;
    }
    boolean afterClose = justClosed;
    justClosed = false;
    fieldStart = last == delimiter;
    return afterClose && first != delimiter ? AFTER_CLOSING_QUOTE : TEXT;
  }

  /** A line break (CR, LF): inside quotes the field's text; outside, the end of the line. */
  void lineBreak() {
    escaped = false;
    if (!inQuotes) {
      fieldStart = true;
      justClosed = false;
    }
  }
}
