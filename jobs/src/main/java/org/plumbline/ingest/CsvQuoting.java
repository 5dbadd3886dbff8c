package org.plumbline.ingest;

/**
 * Where a CSV file's quoted fields are, as DuckDB's reader sees them, fed one character at a
 * time: a quote opens a quoted field only where a field starts (after a delimiter or at a line's
 * start, or after one space there: {@code 1, "a;b"}); elsewhere it is text, as in
 * {@code Ventil 1/2" DN15} or after two spaces. Inside quotes, a doubled quote (or, with a
 * backslash escape, the character after the backslash) is text, and a line break is the field's
 * text, not the line's end. After the closing quote, spaces may come before the delimiter; any
 * other text there DuckDB's reader does not take. (Each rule checked against DuckDB 2.0's reader
 * with strict_mode on, as the loader reads: two spaces or a tab before a quote make it text, a
 * tab after a closing quote is an error.) Shared by {@link CsvLineScanner}, which numbers lines
 * with it, {@link CsvCopy}, whose copy must break lines exactly where the scan did, and
 * {@link CsvHeaderFinder}, whose header fields must be the columns DuckDB reads.
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
  /** A quote here opens a quoted field: at a field's start, or after one space there. */
  private boolean fieldStart = true;
  /** That one space came: another makes the field unquoted text. */
  private boolean spaceAtStart;
  /** The last character closed a quoted field: a quote now is a doubled quote, text. */
  private boolean justClosed;
  /** Only spaces since a closing quote: a delimiter or a line break may end the field. */
  private boolean spacesAfterClose;

  CsvQuoting(char delimiter, char escape) {
    this.delimiter = delimiter;
    this.escape = escape;
  }

  boolean inQuotes() {
    return inQuotes;
  }

  /** Whether the last character was an escape inside quotes, so the next one is text. */
  boolean escapePending() {
    return escaped;
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
    boolean closedBefore = justClosed || spacesAfterClose;
    justClosed = false;
    spacesAfterClose = false;
    if (c == '"' && (fieldStart || afterClose)) { // after a closing quote: a doubled quote, text
      inQuotes = true;
      fieldStart = false;
      spaceAtStart = false;
      return afterClose ? TEXT : OPENED;
    }
    if (c == delimiter) {
      fieldStart = true;
      spaceAtStart = false;
      return TEXT;
    }
    if (c == ' ' && closedBefore) {
      spacesAfterClose = true;
      return TEXT;
    }
    boolean oneSpace = c == ' ' && fieldStart && !spaceAtStart;
    fieldStart = oneSpace;
    spaceAtStart = oneSpace;
    return closedBefore ? AFTER_CLOSING_QUOTE : TEXT;
  }

  /**
   * A run of characters none of which {@link #matters} or breaks a line, {@code bytes[from..to]}
   * (ASCII); what it does is what its characters one by one would do.
   */
  int run(byte[] bytes, int from, int to) {
    if (inQuotes) {
      escaped = false;
      return TEXT;
    }
    int did = TEXT;
    if (justClosed || spacesAfterClose) {
      int k = from;
      while (k <= to && bytes[k] == ' ' && bytes[k] != delimiter) {
        k++;
      }
      justClosed = false;
      spacesAfterClose = k > to;
      if (spacesAfterClose) {
        return TEXT;
      }
      did = bytes[k] == delimiter ? TEXT : AFTER_CLOSING_QUOTE;
    }
    int last = bytes[to];
    if (last == delimiter) {
      fieldStart = true;
      spaceAtStart = false;
    } else {
      boolean oneSpace = last == ' ' && (to > from ? bytes[to - 1] == delimiter : fieldStart && !spaceAtStart);
      fieldStart = oneSpace;
      spaceAtStart = oneSpace;
    }
    return did;
  }

  /** A line break (CR, LF): inside quotes the field's text; outside, the end of the line. */
  void lineBreak() {
    escaped = false;
    if (!inQuotes) {
      fieldStart = true;
      spaceAtStart = false;
      justClosed = false;
      spacesAfterClose = false;
    }
  }
}
