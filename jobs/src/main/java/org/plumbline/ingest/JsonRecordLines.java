package org.plumbline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The line an editor shows each JSON record starting on, for lineage: DuckDB numbers records,
 * not lines. One streaming pass over the bytes (JSON's structural characters are ASCII, never
 * inside a UTF-8 sequence) notes where each top-level value starts (the records of JSON Lines)
 * and where each element of a top-level array starts (the records of a file that is one array).
 * Only starts whose line differs from their record number are written to incoming_json_line,
 * so JSON Lines without blank lines write nothing, and memory does not grow with the file.
 *
 * <p>A row's number must name one row of its load, so lines replace record numbers only when
 * every record starts on a line of its own: an array written on one line keeps its record numbers.
 */
final class JsonRecordLines {

  static final String VALUE = "value";
  static final String ELEMENT = "element";

  private JsonRecordLines() {}

  /**
   * What the scan found: which starts are the file's records (VALUE or ELEMENT; null when their
   * numbers stay, as every line is its record's number or records share lines), and how many.
   */
  record Numbering(String kind, long records) {}

  /** Fills incoming_json_line and says how the file's records are to be numbered. */
  static Numbering scan(DuckDBConnection connection, Path file) throws IOException, SQLException {
    try (DuckDBAppender out = connection.createAppender("temp", "main", "incoming_json_line")) {
      Starts values = new Starts(VALUE, out);
      Starts elements = new Starts(ELEMENT, out);
      boolean firstValueIsArray = false;
      long line = 1;
      int depth = 0;
      boolean inString = false;
      boolean escaped = false;
      boolean inTopValue = false;
      boolean expectElement = false;
      boolean afterCr = false;
      try (InputStream in = Files.newInputStream(file)) {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
          for (int i = 0; i < n; i++) {
            int c = buffer[i] & 0xFF;
            if ((c == '\n' && !afterCr) || c == '\r') {
              line++;
            }
            afterCr = c == '\r';
            if (inString) {
              if (escaped) {
                escaped = false;
              } else if (c == '\\') {
                escaped = true;
              } else if (c == '"') {
                inString = false;
                inTopValue &= depth > 0;
              }
              continue;
            }
            // white space, and a UTF-8 byte-order mark
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xEF || c == 0xBB || c == 0xBF) {
              inTopValue &= depth > 0; // a number, true or null at the top ends at white space
              continue;
            }
            if (depth == 0 && !inTopValue) {
              inTopValue = true;
              firstValueIsArray |= values.count == 0 && c == '[';
              values.start(line);
            } else if (depth == 1 && expectElement && c != ']') {
              elements.start(line);
            }
            expectElement = depth == 1 && c == ',' && values.count == 1 && firstValueIsArray;
            if (c == '"') {
              inString = true;
            } else if (c == '{' || c == '[') {
              expectElement = depth == 0 && c == '[' && values.count == 1;
              depth++;
            } else if (c == '}' || c == ']') {
              depth = Math.max(0, depth - 1);
              inTopValue &= depth > 0;
            }
          }
        }
      }
      Starts records = values.count == 1 && firstValueIsArray ? elements : values;
      return new Numbering(records.ownLines && records.anyDiffer ? records.kind : null, records.count);
    }
  }

  /** Record starts of one kind: how many, whether each has a line of its own, whether any line differs from its number. */
  private static final class Starts {
    private final String kind;
    private final DuckDBAppender out;
    long count;
    private long lastLine;
    boolean ownLines = true;
    boolean anyDiffer;

    Starts(String kind, DuckDBAppender out) {
      this.kind = kind;
      this.out = out;
    }

    void start(long line) throws SQLException {
      count++;
      ownLines &= line > lastLine;
      lastLine = line;
      if (line != count) {
        anyDiffer = true;
        out.beginRow().append(kind).append((int) count).append((int) line).endRow();
      }
    }
  }
}
