package org.plumbline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.plumbline.system.Utf16ByteOrder;

/**
 * The character set a CSV file is read in: the source's encoding (sources.yml), made exact for
 * the file at hand. UTF-16 comes in two byte orders, told by {@link Utf16ByteOrder}; where
 * nothing tells, the file is taken as little-endian, as Windows writes it ("Unicode text").
 * DuckDB's own utf-16 reader reads little-endian only, and reads no rows at all from a
 * big-endian file, so CsvFileReader has that read from a little-endian copy.
 */
final class CsvCharset {

  /**
   * Latin-1 and Windows-1252 differ only in the bytes 0x80-0x9F: control characters in Latin-1,
   * letters and signs (€ „ “ – …) in Windows-1252. A file declared as either is read as
   * Windows-1252, as the WHATWG encoding standard reads every "Latin-1" label: no text holds those
   * control characters, and the Windows tools that write "Latin-1" mean Windows-1252.
   */
  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private CsvCharset() {}

  static Charset of(Path file, String encoding) throws IOException, FileRejectedException {
    return switch (FlatFileReader.duckDbEncoding(encoding)) {
      case "utf-16" -> utf16ByteOrder(file);
      case "latin-1" -> WINDOWS_1252;
      default -> StandardCharsets.UTF_8;
    };
  }

  static boolean isUtf16(Charset charset) {
    return charset.equals(StandardCharsets.UTF_16LE) || charset.equals(StandardCharsets.UTF_16BE);
  }

  private static Charset utf16ByteOrder(Path file) throws IOException, FileRejectedException {
    byte[] start;
    try (InputStream in = Files.newInputStream(file)) {
      start = in.readNBytes(Utf16ByteOrder.SAMPLE_BYTES);
    }
    Optional<Charset> told = Utf16ByteOrder.of(start);
    if (told.isEmpty() && isUtf8(start)) {
      // Neither a mark nor zero bytes, and valid UTF-8: read as UTF-16 it would be nonsense.
      throw new FileRejectedException("It is written in UTF-8, not in UTF-16 as its source declares (it has no"
          + " byte-order mark, and its bytes do not come in pairs as UTF-16 text does). Set the source's csv"
          + " encoding to UTF-8.");
    }
    return told.orElse(StandardCharsets.UTF_16LE);
  }

  /** Whether the bytes are UTF-8 text; a character cut off at the end of the sample does not count against it. */
  private static boolean isUtf8(byte[] bytes) {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    CoderResult result = decoder.decode(ByteBuffer.wrap(bytes), CharBuffer.allocate(bytes.length), false);
    return !result.isError();
  }
}
