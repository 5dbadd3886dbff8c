package org.plumbline.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A copy of a CSV file whose record-ending line breaks are all LF. DuckDB's reader takes one
 * kind of line ending per file, and a file whose lines end in several (an export appended to on
 * another system, a hand edit on Windows) makes its dialect detection give up. Each line break
 * outside quotes (CRLF, LF or a lone CR) becomes one LF, so every line keeps its number and
 * {@link CsvLineScanner}'s numbering holds for the copy; a line break inside a quoted field is
 * part of the field's text and is copied as it is. A UTF-16 file is copied little-endian, the
 * one byte order DuckDB reads. The original file is what is hashed and archived; the copy is
 * only read.
 *
 * <p>Quotes are tracked as the line scanner tracks them (a doubled quote toggles twice; with a
 * backslash escape, the character after it is literal). In UTF-8 and Latin-1 these characters
 * are single bytes that never occur inside a multi-byte sequence, so those files are copied as
 * bytes; UTF-16 is copied as characters.
 */
final class CsvLineEndings {

  private CsvLineEndings() {}

  /** Writes the copy of {@code file} to {@code copy}. */
  static void normalize(Path file, Path copy, Charset charset, char escape) throws IOException {
    Breaks breaks = new Breaks(escape);
    if (CsvCharset.isUtf16(charset)) {
      // Written little-endian, with a byte-order mark, whatever the original's byte order:
      // DuckDB's utf-16 reader reads no rows at all from a big-endian file (CsvCharset).
      try (Reader in = new InputStreamReader(Files.newInputStream(file), charset);
          Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(copy),
              StandardCharsets.UTF_16LE))) {
        out.write('\uFEFF');
        char[] buffer = new char[1 << 15];
        boolean first = true;
        for (int n; (n = in.read(buffer)) > 0; ) {
          for (int i = 0; i < n; i++) {
            int c = breaks.copied(buffer[i]);
            if (c >= 0 && !(first && c == '\uFEFF')) {
              out.write(c);
            }
            first = false;
          }
        }
      }
      return;
    }
    try (InputStream in = Files.newInputStream(file); OutputStream out = Files.newOutputStream(copy)) {
      byte[] buffer = new byte[1 << 17];
      byte[] copied = new byte[buffer.length]; // a copy is never longer than what it copies
      for (int n; (n = in.read(buffer)) > 0; ) {
        int length = 0;
        for (int i = 0; i < n; i++) {
          int c = breaks.copied(buffer[i] & 0xFF);
          if (c >= 0) {
            copied[length++] = (byte) c;
          }
        }
        out.write(copied, 0, length);
      }
    }
  }

  /** Quote state and a pending CR: what decides whether a character ends a record's line. */
  private static final class Breaks {
    private final char escape;
    private boolean inQuotes;
    private boolean escaped;
    private boolean afterCr;

    Breaks(char escape) {
      this.escape = escape;
    }

    /** What the copy holds for character {@code c}: itself, an LF for a line break, or -1 for none. */
    int copied(int c) {
      boolean lineFeedOfCrlf = c == '\n' && afterCr;
      afterCr = c == '\r';
      if (c == '\r' || c == '\n') {
        escaped = false;
        if (inQuotes) {
          return c;
        }
        return lineFeedOfCrlf ? -1 : '\n';
      }
      if (escaped) {
        escaped = false;
      } else if (c == escape && escape != '"' && inQuotes) {
        escaped = true;
      } else if (c == '"') {
        inQuotes = !inQuotes;
      }
      return c;
    }
  }
}
