package org.plumbline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.plumbline.operations.PlainWords;
import org.plumbline.system.SqlScript;

/**
 * JSON Lines read a line at a time, for a file DuckDB's reader stops in: one malformed line (an
 * export cut off mid-line, a record with a stray character) is one quarantined row with its text,
 * as a CSV line that does not split is, and every other record loads. DuckDB's reader is tried
 * first; only a file it cannot read comes here, so a well-formed file pays nothing.
 *
 * <p>A file is read so only when most of its non-blank lines are whole JSON objects: that is what
 * JSON Lines is. A pretty-printed file (one record over many lines) has few such lines, and a
 * broken one of those stays rejected whole with DuckDB's reason, not split into a quarantined
 * row per line. A record that spans lines in an otherwise one-record-a-line file is quarantined
 * line by line: nothing is lost, and its lines say where it is.
 *
 * <p>Every non-blank line goes to incoming_json_text_line with the line an editor shows it on
 * (CRLF, LF or a lone CR end a line, as {@link JsonRecordLines} counts them); the records become
 * incoming_json_value numbered by those lines, and json_to_rows.sql quarantines the others with
 * why. Bytes that are not UTF-8 make their line such a row too.
 */
final class JsonLineByLine {

  /** Lines whose reason is DuckDB's own words; a file with more bad lines than this gets a shorter one for the rest. */
  static final int DESCRIBED_LINES = 1_000;

  static final String NOT_UTF8 = "it holds bytes that are not UTF-8 text (shown here as \uFFFD).";
  static final String MALFORMED = "it is malformed.";

  /** "Malformed JSON at byte 51 of input: unexpected content after document.  Input: …" */
  private static final Pattern PARSE_FAILURE = Pattern.compile("Malformed JSON at byte \\d+ of input: ([^.]*)");

  private JsonLineByLine() {}

  /**
   * Reads the file's lines into incoming_json_value and incoming_json_text_line; false (and
   * nothing read) when the file is not JSON Lines with some bad lines, so it stays rejected.
   */
  static boolean read(Connection connection, Path file) throws SQLException, IOException {
    if (!appendLines(connection.unwrap(DuckDBConnection.class), file) || !mostLinesAreRecords(connection)) {
      execute(connection, "delete from incoming_json_text_line");
      return false;
    }
    describeBadLines(connection);
    SqlScript.execute(connection, "sql/ingest/json_lines_read.sql");
    return true;
  }

  /** False when a line is longer than a record can be: then it is no JSON Lines file (an array on one line, say). */
  private static boolean appendLines(DuckDBConnection connection, Path file) throws SQLException, IOException {
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    try (DuckDBAppender out = connection.createAppender("temp", "main", "incoming_json_text_line");
        InputStream in = Files.newInputStream(file)) {
      Line line = new Line();
      long number = 1;
      boolean afterCr = false;
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        for (int i = 0; i < n; i++) {
          byte b = buffer[i];
          if (b == '\n' && afterCr) { // the LF of a CRLF: its line has ended at the CR
            afterCr = false;
            continue;
          }
          afterCr = b == '\r';
          if (b == '\n' || b == '\r') {
            line.appendTo(out, number++, utf8);
          } else if (!line.add(b)) {
            return false;
          }
        }
      }
      line.appendTo(out, number, utf8);
      return true;
    }
  }

  private static boolean mostLinesAreRecords(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("select count(*), count(*) filter (where problem is null"
            // json_type fails on what is no JSON, and "and" does not stop DuckDB from evaluating it
            + " and case when json_valid(text) then json_type(text) = 'OBJECT' else false end)"
            + " from incoming_json_text_line")) {
      r.next();
      return r.getLong(2) * 2 > r.getLong(1);
    }
  }

  /** Each bad line's reason, in DuckDB's words made plain, for the first {@link #DESCRIBED_LINES}. */
  private static void describeBadLines(Connection connection) throws SQLException {
    List<Long> bad = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    try (PreparedStatement first = connection.prepareStatement("select line_number, text from incoming_json_text_line"
        + " where problem is null and not json_valid(text) order by line_number limit ?")) {
      first.setInt(1, DESCRIBED_LINES);
      try (ResultSet r = first.executeQuery()) {
        while (r.next()) {
          bad.add(r.getLong(1));
          texts.add(r.getString(2));
        }
      }
    }
    // Parsed on a connection of its own: a failed statement would abort the load's transaction.
    try (Connection probe = connection.unwrap(DuckDBConnection.class).duplicate();
        PreparedStatement describe = connection.prepareStatement(
            "update incoming_json_text_line set problem = ? where line_number = ?")) {
      probe.setAutoCommit(true); // a duplicate takes the load's setting, and one failure would abort it for the rest
      for (int i = 0; i < bad.size(); i++) {
        describe.setString(1, reasonOf(probe, texts.get(i)));
        describe.setLong(2, bad.get(i));
        describe.addBatch();
      }
      describe.executeBatch();
    }
    try (PreparedStatement rest = connection.prepareStatement(
        "update incoming_json_text_line set problem = ? where problem is null and not json_valid(text)")) {
      rest.setString(1, MALFORMED);
      rest.executeUpdate();
    }
  }

  /** Why DuckDB cannot parse one line ("…: unexpected content after document."), in words. */
  private static String reasonOf(Connection probe, String text) {
    // a statement of its own each time: DuckDB's driver closes a statement that failed
    try (PreparedStatement parse = probe.prepareStatement("select json(?)")) {
      parse.setString(1, text);
      parse.executeQuery().close();
      return MALFORMED; // json_valid said no; json() said yes: not expected, but still a reason
    } catch (SQLException e) {
      Matcher m = PARSE_FAILURE.matcher(PlainWords.firstLineOf(e));
      return m.find() ? "it " + JsonReadFailure.inWords(m.group(1).strip()) + "." : MALFORMED;
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  /**
   * One line's bytes, grown as needed up to DuckDB's own limit on a JSON record
   * (maximum_object_size, 16 MiB), so the heap holds at most one such line; appended when its
   * line ends unless it is blank.
   */
  private static final class Line {
    static final int MAX_BYTES = 16 * 1024 * 1024;
    private byte[] bytes = new byte[1024];
    private int length;

    /** False when the line would be longer than a record can be. */
    boolean add(byte b) {
      if (length == bytes.length) {
        if (length == MAX_BYTES) {
          return false;
        }
        bytes = Arrays.copyOf(bytes, Math.min(MAX_BYTES, bytes.length * 2));
      }
      bytes[length++] = b;
      return true;
    }

    void appendTo(DuckDBAppender out, long number, CharsetDecoder utf8) throws SQLException {
      ByteBuffer content = ByteBuffer.wrap(bytes, 0, length);
      length = 0;
      String text;
      String problem = null;
      try {
        text = utf8.reset().decode(content).toString();
      } catch (CharacterCodingException e) {
        text = new String(content.array(), 0, content.limit(), StandardCharsets.UTF_8);
        problem = NOT_UTF8;
      }
      if (number == 1 && text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      if (isJsonWhiteSpace(text)) {
        return; // a blank line is no record, in JSON Lines as in DuckDB's reader
      }
      out.beginRow().append((int) number).append(text).append(problem).endRow();
    }

    private static boolean isJsonWhiteSpace(String text) {
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
          return false;
        }
      }
      return true;
    }
  }
}
