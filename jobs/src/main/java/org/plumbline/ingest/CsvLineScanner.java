package org.plumbline.ingest;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * One streaming pass over a CSV file that finds what DuckDB's reader does not report: where
 * each record starts in the editor's line numbering. A quoted field may span lines, so record
 * number and line number part ways; DuckDB counts a quoted line break as no line at all. The
 * scanner writes only the exceptions (blank lines and the quoted line breaks before a line)
 * to the scratch tables, so memory does not grow with the file, and counts the records, so a
 * reader that silently read fewer is caught. Also checks the encoding strictly: a byte that is
 * not valid in the source's encoding rejects the file with its line.
 */
final class CsvLineScanner {

  /** What the pass found: data records after the header (blank lines excluded). */
  record Result(long records) {}

  private CsvLineScanner() {}

  static Result scan(DuckDBConnection connection, Path file, String encoding, long headerLine)
      throws IOException, SQLException, FileRejectedException {
    CharsetDecoder decoder = charset(encoding).newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    long logical = 1;
    long physical = 1;
    long embedded = 0;
    long lastEmitted = 0;
    long records = 0;
    boolean inQuotes = false;
    boolean lineEmpty = true;
    boolean previousCr = false;
    boolean first = true;
    char[] buffer = new char[1 << 16];
    try (Reader in = new InputStreamReader(Files.newInputStream(file), decoder);
        DuckDBAppender jumps = connection.createAppender("temp", "main", "incoming_line_jump");
        DuckDBAppender blanks = connection.createAppender("temp", "main", "incoming_blank_line")) {
      for (int n; (n = read(in, buffer, physical)) > 0; ) {
        for (int i = 0; i < n; i++) {
          char c = buffer[i];
          if (first) {
            first = false;
            if (c == '\uFEFF') {
              continue;
            }
          }
          if (c == '\n' && previousCr) {
            previousCr = false;
            continue;
          }
          previousCr = c == '\r';
          if (c == '\r' || c == '\n') {
            physical++;
            if (inQuotes) {
              embedded++;
              continue;
            }
            if (logical > headerLine) {
              if (lineEmpty) {
                blanks.beginRow().append(logical).endRow();
              } else {
                records++;
              }
            }
            logical++;
            lineEmpty = true;
            if (embedded != lastEmitted) {
              jumps.beginRow().append(logical).append(embedded).endRow();
              lastEmitted = embedded;
            }
          } else {
            lineEmpty = false;
            if (c == '"') {
              inQuotes = !inQuotes;
            }
          }
        }
      }
      if (!lineEmpty && logical > headerLine) {
        records++;
      }
    }
    return new Result(records);
  }

  private static int read(Reader in, char[] buffer, long line) throws IOException, FileRejectedException {
    try {
      return in.read(buffer);
    } catch (MalformedInputException e) {
      throw new FileRejectedException("It is not valid text in its declared encoding: an invalid byte sequence"
          + " follows line " + line + ". Set the source's csv encoding (UTF-8, UTF-16 or Latin-1) to the one the"
          + " file is written in.", e);
    }
  }

  static Charset charset(String encoding) {
    return switch (FlatFileReader.duckDbEncoding(encoding)) {
      case "utf-16" -> Charset.forName("UTF-16");
      case "latin-1" -> Charset.forName("ISO-8859-1");
      default -> Charset.forName("UTF-8");
    };
  }
}
