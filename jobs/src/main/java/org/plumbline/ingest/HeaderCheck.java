package org.plumbline.ingest;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.plumbline.governance.Source;
import org.plumbline.system.SqlScript;

/**
 * A file whose header lacks a column its source reads is rejected whole: loading it would
 * quarantine every row for one config mistake, or worse, read the wrong column.
 */
final class HeaderCheck {

  private HeaderCheck() {}

  static void requireColumns(Connection connection, Source source) throws SQLException, FileRejectedException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("select sheet_name, header_row, column_names, table_name from incoming_sheet")) {
      while (r.next()) {
        List<String> header = header(r.getArray(3));
        String tableName = r.getString(4);
        Source.Table table = source.tables().stream().filter(t -> t.name().equals(tableName)).findFirst()
            .orElse(null);
        List<String> missing = new ArrayList<>(source.columnsRead(table));
        missing.removeAll(header);
        String where = (r.getString(1).isEmpty() ? "line " + r.getInt(2) : "sheet '" + r.getString(1) + "', row "
            + r.getInt(2)) + (table == null ? "" : ", table '" + table.name() + "'");
        boolean json = source.format() == Source.Format.JSON;
        if (json && header.isEmpty() && noRows(connection)) {
          // An empty array ([]): a day without records, like a CSV file of a header alone. No
          // record names a key, so none can be read from the wrong one: it loads no rows.
          continue;
        }
        if (!missing.isEmpty() && json) {
          throw new FileRejectedException("No record has the key " + quoted(missing) + ", which source '"
              + source.id() + "' in sources.yml reads; the records' keys are " + quoted(header)
              + ". Fix the source's column names, then put the file back in the inbox.");
        }
        if (!missing.isEmpty()) {
          throw new FileRejectedException("The header (" + where + ") has no column " + quoted(missing)
              + ", which source '" + source.id() + "' in sources.yml reads; the header is " + quoted(header)
              + ". Fix the source's column names or header_row, then put the file back in the inbox.");
        }
        requireUnique(header, source.columnsRead(table), where, source);
      }
    }
  }

  /**
   * A periods_across table reads only the columns headed by a period, and each period once. The
   * file is rejected, naming the headers, where that would lose or add up values silently: a
   * period header it cannot read ("KW 43", a date in another format, 2026-09-31, a month in a
   * weekly table: sql/ingest/unread_period_headers.sql), one period heading two columns
   * (repeated_period_headers.sql), or no period in the header at all (tables_without_periods.sql),
   * each reading the headers' periods from header_periods.sql.
   */
  static void requireReadablePeriodHeaders(Connection connection, Source source)
      throws SQLException, FileRejectedException {
    if (source.shape() != Source.Shape.PERIODS_ACROSS
        && source.tables().stream().noneMatch(t -> source.shapeOf(t) == Source.Shape.PERIODS_ACROSS)) {
      return; // nothing to check, and each check's period macros cost ≈ 15 ms to plan (bench/RESULTS.md)
    }
    SqlScript.execute(connection, "sql/ingest/header_periods.sql");
    requireNoUnreadPeriod(connection, source);
    requireEachPeriodOnce(connection, source);
    requireAPeriod(connection, source);
  }

  private static void requireNoUnreadPeriod(Connection connection, Source source)
      throws SQLException, FileRejectedException {
    List<String> unread = new ArrayList<>();
    String format = null;
    String grain = null;
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery(SqlScript.text("sql/ingest/unread_period_headers.sql"))) {
      while (r.next()) {
        unread.add("\"" + r.getString(4) + "\" (column " + SheetRowSink.columnLetters(r.getInt(3) - 1)
            + where(r.getString(1), r.getString(2)) + ")");
        format = r.getString(5);
        grain = r.getString(6);
      }
    }
    if (!unread.isEmpty()) {
      boolean one = unread.size() == 1;
      throw new FileRejectedException("The header" + (one ? " " : "s ") + String.join(", ", unread) + (one ? " is" : " are")
          + " written like a period, but not as one source '" + source.id() + "' reads (" + periodsRead(format, grain)
          + "): the values under " + (one ? "it" : "them") + " would be lost, as periods across columns are"
          + " read from the headers."
          + " Write each such header as a period the source reads (or fix date_format in sources.yml), then put"
          + " the file back in the inbox.");
    }
  }

  private static void requireEachPeriodOnce(Connection connection, Source source)
      throws SQLException, FileRejectedException {
    List<String> repeated = new ArrayList<>();
    String period = null;
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery(SqlScript.text("sql/ingest/repeated_period_headers.sql"))) {
      while (r.next() && (period == null || period.equals(r.getString(5)))) {
        repeated.add("\"" + r.getString(4) + "\" (column " + SheetRowSink.columnLetters(r.getInt(3) - 1)
            + where(r.getString(1), r.getString(2)) + ")");
        period = r.getString(5);
      }
    }
    if (!repeated.isEmpty()) {
      throw new FileRejectedException("The headers " + String.join(" and ", repeated) + " are one period, " + period
          + ", for source '" + source.id() + "': the values under them would be added up as one figure. Keep one"
          + " column per period (a hidden column counts too), then put the file back in the inbox.");
    }
  }

  private static void requireAPeriod(Connection connection, Source source) throws SQLException, FileRejectedException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery(SqlScript.text("sql/ingest/tables_without_periods.sql"))) {
      if (r.next()) {
        throw new FileRejectedException("No column of the header" + where(r.getString(1), r.getString(2)) + " ("
            + String.join(", ", texts(r.getArray(3))) + ") is a period source '" + source.id()
            + "' reads (" + periodsRead(r.getString(4), r.getString(5)) + "), so not one of its values would load:"
            + " periods across columns are read from the headers. Head each period's column with its period, or"
            + " check the source's shape and period grain in sources.yml, then put the file back in the inbox.");
      }
    }
  }

  private static String where(String sheet, String table) {
    return (sheet.isEmpty() ? "" : " of sheet '" + sheet + "'") + (table.isEmpty() ? "" : ", table '" + table + "'");
  }

  /** The periods a table reads, as examples: its dates, ISO weeks, and for a monthly table months. */
  private static String periodsRead(String format, String grain) {
    return (format == null ? "ISO dates such as 2026-10-12" : "dates as " + format)
        + ("month".equals(grain) ? ", ISO weeks such as 2026-W42, or months such as 2026-10, 10/2026 or Okt 2026"
            : ", or ISO weeks such as 2026-W42");
  }

  private static List<String> texts(java.sql.Array array) throws SQLException {
    List<String> texts = new ArrayList<>();
    for (Object o : (Object[]) array.getArray()) {
      texts.add("\"" + o + "\"");
    }
    return texts;
  }

  /**
   * A column the source reads must be named once: with two columns "Menge", reading the first
   * would silently leave out the second. Names are compared as a person reads them, case and
   * surrounding spaces aside. {@code header} is the header as the file writes it.
   */
  static void requireUnique(List<String> header, List<String> read, String where, Source source)
      throws FileRejectedException {
    for (String column : read) {
      List<Integer> positions = new ArrayList<>();
      for (int i = 0; i < header.size(); i++) {
        if (trimmed(header.get(i)).equalsIgnoreCase(trimmed(column))) {
          positions.add(i + 1);
        }
      }
      if (positions.size() > 1) {
        throw new FileRejectedException("The header (" + where + ") names the column \"" + column + "\" "
            + positions.size() + " times (columns " + positions.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", ")) + "), so which one source '" + source.id()
            + "' reads is ambiguous. Rename all but one in the file, then put it back in the inbox.");
      }
    }
  }

  private static boolean noRows(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("select count(*) = 0 from incoming_row")) {
      r.next();
      return r.getBoolean(1);
    }
  }

  /**
   * A header cell's name as a person reads it: without the spaces around it, the no-break spaces
   * too, which a header pasted from a web page or an ERP screen often ends in and which String.strip
   * keeps (the config's "Teil" must match "Teil\u00a0"). Called for every cell of the rows a
   * header is looked for in, so a loop rather than a regular expression compiled per call.
   */
  static String trimmed(String name) {
    int start = 0;
    int end = name.length();
    while (start < end && isSpace(name.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(name.charAt(end - 1))) {
      end--;
    }
    return name.substring(start, end);
  }

  /** What String.strip removes, and the no-break spaces it keeps. */
  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F';
  }

  private static List<String> header(Array array) throws SQLException {
    return Arrays.stream((Object[]) array.getArray()).map(o -> o == null ? "" : o.toString()).toList();
  }

  private static String quoted(List<String> names) {
    return String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList());
  }
}
