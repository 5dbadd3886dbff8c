package org.plumbline.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A copy of a CSV file in the form DuckDB's reader always takes: UTF-8, every record ending in
 * LF. CsvFileReader reads such a copy for a file DuckDB cannot take as it is:
 * <ul>
 *   <li>its lines end in several ways (an export appended to on another system, a hand edit on
 *       Windows): DuckDB's reader takes one kind per file, and its dialect detection gives up;
 *   <li>big-endian UTF-16, from which DuckDB's utf-16 reader reads no rows at all;
 *   <li>Windows-1252 with a letter or sign that Latin-1 lacks (€ „ “ – …, what Excel on Windows
 *       saves as "CSV"), which DuckDB's latin-1 reader refuses.
 * </ul>
 * Each line break outside quotes (CRLF, LF or a lone CR) becomes one LF, so every line keeps its
 * number and {@link CsvLineScanner}'s numbering holds for the copy; a line break inside a quoted
 * field is the field's text and is copied as it is, and so is every other character. The
 * delivered file is what is hashed and archived; the copy is only read, and removed.
 *
 * <p>Quotes are tracked as the line scanner tracks them ({@link CsvQuoting}). In UTF-8 quotes,
 * delimiters and line breaks are single bytes that never occur inside a multi-byte sequence, so
 * a UTF-8 file is copied as bytes.
 */
final class CsvCopy {

  /** The Windows-1252 character of each byte; the five bytes it leaves undefined keep their Latin-1 meaning. */
  private static final char[] WINDOWS_1252 = windows1252();

  private CsvCopy() {}

  /** Writes the copy of {@code file}, whose text is in {@code charset}, to {@code copy}. */
  static void write(Path file, Path copy, Charset charset, char delimiter, char escape) throws IOException {
    Breaks breaks = new Breaks(delimiter, escape);
    if (charset.equals(StandardCharsets.UTF_8)) {
      copyBytes(file, copy, breaks);
      return;
    }
    boolean singleByte = !CsvCharset.isUtf16(charset);
    try (InputStream bytes = Files.newInputStream(file);
        Reader in = singleByte ? null : new InputStreamReader(bytes, charset);
        Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(copy), StandardCharsets.UTF_8),
            1 << 16)) {
      byte[] raw = new byte[1 << 16];
      char[] text = new char[1 << 16];
      boolean first = true;
      for (int n; (n = singleByte ? bytes.read(raw) : in.read(text)) > 0; ) {
        for (int i = 0; i < n; i++) {
          char c = singleByte ? WINDOWS_1252[raw[i] & 0xFF] : text[i];
          int copied = breaks.copied(c);
          if (copied >= 0 && !(first && copied == '\uFEFF')) { // a UTF-16 byte-order mark is not text
            out.write(copied);
          }
          first = false;
        }
      }
    }
  }

  private static void copyBytes(Path file, Path copy, Breaks breaks) throws IOException {
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

  private static char[] windows1252() {
    char[] table = new char[256];
    var decoder = Charset.forName("windows-1252").newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    for (int b = 0; b < 256; b++) {
      try {
        CharBuffer decoded = decoder.decode(ByteBuffer.wrap(new byte[] {(byte) b}));
        table[b] = decoded.get(0);
      } catch (CharacterCodingException undefined) {
        table[b] = (char) b; // as the WHATWG encoding standard reads them
      }
    }
    return table;
  }

  /** Quote state and a pending CR: what decides whether a character ends a record's line. */
  private static final class Breaks {
    private final CsvQuoting quoting;
    private boolean afterCr;

    Breaks(char delimiter, char escape) {
      this.quoting = new CsvQuoting(delimiter, escape);
    }

    /** What the copy holds for character {@code c}: itself, an LF for a line break, or -1 for none. */
    int copied(int c) {
      boolean lineFeedOfCrlf = c == '\n' && afterCr;
      afterCr = c == '\r';
      if (c == '\r' || c == '\n') {
        if (quoting.inQuotes()) {
          return c;
        }
        quoting.lineBreak();
        return lineFeedOfCrlf ? -1 : '\n';
      }
      quoting.character(c);
      return c;
    }
  }
}
