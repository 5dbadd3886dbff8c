package org.plumbline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.plumbline.system.Utf16ByteOrder;

/**
 * The character set a CSV file is read in: the source's encoding (sources.yml), made exact for
 * the file at hand. UTF-16 comes in two byte orders, told by {@link Utf16ByteOrder}; where
 * nothing tells, the file is taken as little-endian, as Windows writes it ("Unicode text").
 * DuckDB's own utf-16 reader reads little-endian only, and reads no rows at all from a
 * big-endian file, so CsvFileReader has that read from a little-endian copy.
 */
final class CsvCharset {

  private CsvCharset() {}

  static Charset of(Path file, String encoding) throws IOException {
    return switch (FlatFileReader.duckDbEncoding(encoding)) {
      case "utf-16" -> utf16ByteOrder(file);
      case "latin-1" -> StandardCharsets.ISO_8859_1;
      default -> StandardCharsets.UTF_8;
    };
  }

  static boolean isUtf16(Charset charset) {
    return charset.equals(StandardCharsets.UTF_16LE) || charset.equals(StandardCharsets.UTF_16BE);
  }

  private static Charset utf16ByteOrder(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Utf16ByteOrder.of(in.readNBytes(Utf16ByteOrder.SAMPLE_BYTES)).orElse(StandardCharsets.UTF_16LE);
    }
  }
}
