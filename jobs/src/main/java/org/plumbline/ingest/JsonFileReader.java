package org.plumbline.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.plumbline.governance.Source;
import org.plumbline.operations.PlainWords;
import org.plumbline.system.SqlScript;

/**
 * JSON (an array of objects, or JSON Lines), read by DuckDB as one JSON text per record; every
 * field's text is then taken from its record alone (json_to_rows.sql), so no type is guessed
 * from a sample and one odd record is one quarantined row, never the whole file. A malformed
 * line of JSON Lines is one quarantined row too ({@link JsonLineByLine}); malformed JSON
 * elsewhere (an array cut off, a pretty-printed record with a stray brace) rejects the file, as
 * where one record ends and the next begins can no longer be told.
 */
final class JsonFileReader implements SourceFileReader {

  @Override
  public void read(Connection connection, Path file, Source source) throws SQLException, FileRejectedException {
    long size = size(file);
    if (size == 0) {
      throw new FileRejectedException("The file is empty (0 bytes): it holds no JSON. Ask for the export to be"
          + " written again; a day without records is an empty array, [].");
    }
    boolean numberedByLines = false;
    try (PreparedStatement read = connection.prepareStatement(SqlScript.text("sql/ingest/read_json.sql"))) {
      read.setString(1, file.toAbsolutePath().toString());
      read.execute();
    } catch (SQLException e) {
      String failure = PlainWords.firstLineOf(e);
      if (!JsonReadFailure.isInALine(failure) || !readLineByLine(connection, file)) {
        throw new FileRejectedException(JsonReadFailure.describe(failure, file), e);
      }
      numberedByLines = true;
    }
    try (PreparedStatement columns = connection.prepareStatement(SqlScript.text("sql/ingest/json_columns.sql"))) {
      columns.setArray(1, connection.createArrayOf("VARCHAR", source.columnsRead().toArray()));
      columns.execute();
    }
    SqlScript.execute(connection, "sql/ingest/json_to_rows.sql");
    if (count(connection, "select count(*) from incoming_json_value") == 0 && !startsWithValue(file)) {
      throw new FileRejectedException("The file holds nothing but white space (" + size + " bytes): there is no"
          + " JSON in it. Ask for the export to be written again; a day without records is an empty array, [].");
    }
    requireRecordsNotWrapped(connection, source);
    if (!numberedByLines) {
      numberByLines(connection, file);
    }
  }

  /**
   * JSON Lines with a malformed line, which DuckDB's reader stopped at: each such line
   * quarantined, the rest read, in a transaction started over (DuckDB's failure aborted it).
   */
  private static boolean readLineByLine(Connection connection, Path file) throws SQLException {
    FileLoader.restartRead(connection);
    try {
      return JsonLineByLine.read(connection, file);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A record's row number is the line an editor shows it starting on (a pretty-printed array, JSON
   * Lines with blank lines), where every record starts on a line of its own; otherwise its record
   * number. Only when the scan counted the records DuckDB read: a file DuckDB reads otherwise than
   * the scan keeps its record numbers rather than get wrong lines.
   */
  private static void numberByLines(Connection connection, Path file) throws SQLException {
    JsonRecordLines.Numbering numbering;
    try {
      numbering = JsonRecordLines.scan(connection.unwrap(DuckDBConnection.class), file);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
    }
    if (numbering.kind() == null || numbering.records() != count(connection, "select count(*) from incoming_row_stored")) {
      return;
    }
    try (PreparedStatement lines = connection.prepareStatement(SqlScript.text("sql/ingest/json_record_lines.sql"))) {
      lines.setString(1, numbering.kind());
      lines.executeUpdate();
    }
  }

  /**
   * A file that is one object holding the records in an array under a key ({"meta": …, "data":
   * [ … ]}, a common API shape) reads as one record whose keys are "meta" and "data": say that,
   * rather than that the configured columns are missing from a header.
   */
  private static void requireRecordsNotWrapped(Connection connection, Source source)
      throws SQLException, FileRejectedException {
    if (count(connection, "select count(*) from incoming_json_record") != 1) {
      return;
    }
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery(SqlScript.text("sql/ingest/json_wrapped_records.sql"))) {
      if (!r.next()) {
        return;
      }
      String key = r.getString(1);
      List<Object> header = Arrays.asList((Object[]) r.getArray(2).getArray());
      if (key != null && !header.containsAll(source.columnsRead())) {
        throw new FileRejectedException("Its records are wrapped in an object, in an array under the key \"" + key
            + "\": only an array of objects, or JSON Lines (one object a line), is read. Ask for the export to"
            + " write the records themselves, then put the file back in the inbox.");
      }
    }
  }

  private static long count(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  /** Whether anything but white space (and a byte-order mark) is in the file. */
  private static boolean startsWithValue(Path file) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      int b;
      while ((b = in.read()) != -1) {
        if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != 0xEF && b != 0xBB && b != 0xBF) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
    }
  }
}
