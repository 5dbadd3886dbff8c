package org.plumbline.ingest;

import java.io.IOException;
import java.io.InputStream;
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
 *
 * <p>UTF-8 and Latin-1 are scanned as bytes (line breaks and quotes are single bytes that never
 * occur inside a UTF-8 sequence), with UTF-8 validated by a small state machine: several times
 * faster than decoding to characters, and this pass reads every byte of the file.
 */
final class CsvLineScanner {

  /**
   * What the pass found: data records after the header (blank lines excluded), and whether any
   * line is numbered differently from "header line + record ordinal" (a blank line before a
   * record, or a line break inside quotes). Blank lines after the last record shift nothing, and
   * DuckDB reads no row for them: a file that merely ends in empty lines stays plain. Mixed line
   * endings: records end in more than one way (CRLF, LF, CR), or a line break inside the header's
   * quotes is another kind than theirs; DuckDB's reader does not take such a file as it is.
   * Windows bytes: a single-byte file holds bytes 0x80-0x9F, which Windows-1252 gives letters and
   * signs (€ „ “ –) and Latin-1 leaves to control characters; DuckDB's latin-1 reader refuses them.
   * Quote trouble, by the line a person finds it on (0: none): the line where a quote opens that
   * is never closed, and the first line with text after a closing quote ({@code "Zitat" danach}),
   * which DuckDB's strict reading refuses and Excel reads. UTF-8 line (0: none): in a file
   * declared in a single-byte encoding whose non-ASCII bytes all form UTF-8 characters, the first
   * line holding one: such a file is UTF-8 ("ä" is the two bytes Latin-1 reads as "Ã¤").
   */
  record Result(long records, boolean plainNumbering, boolean mixedLineEndings, boolean windowsBytes,
      long unclosedQuoteLine, long textAfterClosingQuoteLine, long utf8Line) {}

  private CsvLineScanner() {}

  static Result scan(DuckDBConnection connection, Path file, Charset charset, long headerLine, char delimiter,
      char escape) throws IOException, SQLException, FileRejectedException {
    try (DuckDBAppender jumps = connection.createAppender("temp", "main", "incoming_line_jump");
        DuckDBAppender blanks = connection.createAppender("temp", "main", "incoming_blank_line")) {
      Lines lines = new Lines(jumps, blanks, headerLine, new CsvQuoting(delimiter, escape));
      if (CsvCharset.isUtf16(charset)) {
        scanChars(file, charset, lines);
      } else {
        scanBytes(file, charset.name().equals("UTF-8"), lines);
      }
      return lines.finish();
    }
  }

  private static void scanBytes(Path file, boolean utf8, Lines lines)
      throws IOException, SQLException, FileRejectedException {
    byte[] buffer = new byte[1 << 17];
    Utf8Check check = utf8 ? new Utf8Check() : null;
    // A single-byte file is also read as UTF-8 on the side, to tell a UTF-8 file declared Latin-1.
    Utf8Check shadow = utf8 ? null : new Utf8Check();
    boolean first = true;
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        int start = 0;
        if (first) {
          first = false;
          if (utf8 && n >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF) {
            start = 3; // the byte-order mark is not text
          }
        }
        for (int i = start; i < n; i++) {
          int b = buffer[i] & 0xFF;
          if (b < 0x80 && lines.isPlain(b)) {
            // Most bytes are plain text: skip their run in one tight loop, then account for it once.
            if (check != null && check.pending > 0) {
              throw invalid(lines.physical);
            }
            lines.shadowAscii(shadow);
            int runStart = i;
            while (i + 1 < n && buffer[i + 1] >= 0 && lines.isPlain(buffer[i + 1])) {
              i++;
            }
            lines.plainRun(buffer, runStart, i);
          } else if (b < 0x80) {
            if (check != null && check.pending > 0) {
              throw invalid(lines.physical);
            }
            lines.shadowAscii(shadow);
            lines.accept((char) b);
          } else {
            if (check != null && !check.accept(b)) {
              throw invalid(lines.physical);
            }
            lines.shadowByte(shadow, b);
            lines.windowsBytes |= check == null && b < 0xA0;
            lines.accept('x');
          }
        }
      }
    }
    if (check != null && check.pending > 0) {
      throw invalid(lines.physical);
    }
    lines.shadowAscii(shadow); // the end of the file: no sequence may be cut short by it
  }

  private static void scanChars(Path file, Charset charset, Lines lines)
      throws IOException, SQLException, FileRejectedException {
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    char[] buffer = new char[1 << 16];
    boolean first = true;
    try (Reader in = new InputStreamReader(Files.newInputStream(file), decoder)) {
      for (int n; (n = read(in, buffer, lines.physical)) > 0; ) {
        for (int i = 0; i < n; i++) {
          if (first) {
            first = false;
            if (buffer[i] == '\uFEFF') {
              continue;
            }
          }
          lines.accept(buffer[i]);
        }
      }
    }
  }

  /** The line bookkeeping, fed one character (or, for a non-ASCII byte, a stand-in) at a time. */
  private static final class Lines {
    private final DuckDBAppender jumps;
    private final DuckDBAppender blanks;
    private final long headerLine;
    private final CsvQuoting quoting;
    long logical = 1;
    long physical = 1;
    private long embedded;
    private long lastEmitted;
    private long records;
    private boolean exceptions;
    private boolean blankSeen;
    private boolean lineEmpty = true;
    private long quoteLine;
    private long textAfterClosingQuoteLine;
    /** What the side reading as UTF-8 found: whether it still holds, and its first character's line. */
    private boolean shadowValid = true;
    private long shadowFirstLine;
    private boolean previousCr;
    private long crlfBreaks;
    private long lfBreaks;
    private long crBreaks;
    boolean windowsBytes;

    Lines(DuckDBAppender jumps, DuckDBAppender blanks, long headerLine, CsvQuoting quoting) {
      this.jumps = jumps;
      this.blanks = blanks;
      this.headerLine = headerLine;
      this.quoting = quoting;
    }

    /** An ASCII byte, for the side reading as UTF-8: it must not cut a sequence short. */
    void shadowAscii(Utf8Check shadow) {
      if (shadow != null && shadow.pending > 0) {
        shadowValid = false;
      }
    }

    /** A byte of 0x80 and up, for the side reading as UTF-8. */
    void shadowByte(Utf8Check shadow, int b) {
      if (shadow == null || !shadowValid) {
        return;
      }
      if (!shadow.accept(b)) {
        shadowValid = false;
      } else if (shadow.pending == 0 && shadowFirstLine == 0) {
        shadowFirstLine = physical;
      }
    }

    /** An ASCII byte that changes nothing but "this line is not empty": no line break, quote or escape. */
    boolean isPlain(int b) {
      return b != '\r' && b != '\n' && !quoting.matters(b);
    }

    /** What {@link #accept} does for a run of plain characters, {@code bytes[from..to]}. */
    void plainRun(byte[] bytes, int from, int to) {
      previousCr = false;
      lineEmpty = false;
      noteQuoting(quoting.run(bytes, from, to));
    }

    void accept(char c) throws SQLException {
      // A line break inside a quoted field is the field's text (Excel writes LF there in a CRLF
      // file), not how a line ends, and DuckDB's reader takes it as it comes, except in the header,
      // where its dialect detection looks at every line break: those are counted as line ends.
      boolean lineEnd = !quoting.inQuotes() || logical <= headerLine;
      if (c == '\n' && previousCr) {
        previousCr = false;
        if (lineEnd) {
          crBreaks--;
          crlfBreaks++;
        }
        return;
      }
      if (c == '\n' && lineEnd) {
        lfBreaks++;
      } else if (c == '\r' && lineEnd) {
        crBreaks++; // until a line feed follows
      }
      previousCr = c == '\r';
      if (c == '\r' || c == '\n') {
        quoting.lineBreak();
        physical++;
        if (quoting.inQuotes()) {
          embedded++;
          return;
        }
        if (logical > headerLine) {
          if (lineEmpty) {
            blanks.beginRow().append(logical).endRow();
            blankSeen = true;
          } else {
            record();
          }
        }
        logical++;
        lineEmpty = true;
        if (embedded != lastEmitted) {
          jumps.beginRow().append(logical).append(embedded).endRow();
          lastEmitted = embedded;
          exceptions = true;
        }
        return;
      }
      lineEmpty = false;
      noteQuoting(quoting.character(c));
    }

    private void noteQuoting(int what) {
      if (what == CsvQuoting.OPENED) {
        quoteLine = physical;
      } else if (what == CsvQuoting.AFTER_CLOSING_QUOTE && textAfterClosingQuoteLine == 0) {
        textAfterClosingQuoteLine = physical;
      }
    }

    Result finish() {
      if (!lineEmpty && logical > headerLine) {
        record();
      }
      int kinds = (crlfBreaks > 0 ? 1 : 0) + (lfBreaks > 0 ? 1 : 0) + (crBreaks > 0 ? 1 : 0);
      return new Result(records, !exceptions, kinds > 1, windowsBytes, quoting.inQuotes() ? quoteLine : 0,
          textAfterClosingQuoteLine, shadowValid ? shadowFirstLine : 0);
    }

    /** A record ends; the blank lines before it move it off "header line + ordinal". */
    private void record() {
      records++;
      exceptions |= blankSeen;
    }
  }

  /** Strict UTF-8: the lead byte says how many continuation bytes follow and in what range. */
  private static final class Utf8Check {
    int pending;
    private int low = 0x80;
    private int high = 0xBF;

    boolean accept(int b) {
      if (pending > 0) {
        if (b < low || b > high) {
          return false;
        }
        pending--;
        low = 0x80;
        high = 0xBF;
        return true;
      }
      if (b >= 0xC2 && b <= 0xDF) {
        pending = 1;
      } else if (b == 0xE0) {
        pending = 2;
        low = 0xA0; // no overlong forms
      } else if (b == 0xED) {
        pending = 2;
        high = 0x9F; // no surrogates
      } else if (b >= 0xE1 && b <= 0xEF) {
        pending = 2;
      } else if (b == 0xF0) {
        pending = 3;
        low = 0x90;
      } else if (b >= 0xF1 && b <= 0xF3) {
        pending = 3;
      } else if (b == 0xF4) {
        pending = 3;
        high = 0x8F; // nothing beyond U+10FFFF
      } else {
        return false;
      }
      return true;
    }
  }

  private static FileRejectedException invalid(long line) {
    return new FileRejectedException("It is not valid text in its declared encoding: line " + line + " holds an"
        + " invalid byte sequence. Set the source's csv encoding (UTF-8, UTF-16, Latin-1 or Windows-1252, which"
        + " Excel on Windows writes as \"CSV\") to the one the file is written in.");
  }

  private static int read(Reader in, char[] buffer, long line) throws IOException, FileRejectedException {
    try {
      return in.read(buffer);
    } catch (MalformedInputException e) {
      throw new FileRejectedException(invalid(line).getMessage(), e);
    }
  }
}
