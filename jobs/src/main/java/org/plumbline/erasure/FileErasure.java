package org.plumbline.erasure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.plumbline.system.Utf16ByteOrder;

/**
 * Replaces a person's name in one kept file (an archived original, a rejected or waiting file,
 * a log) and says how often. Text files are decoded in their own encoding: UTF-16 by its byte
 * order mark or its zero bytes ({@link Utf16ByteOrder}), UTF-8 when the bytes are valid UTF-8,
 * else Latin-1, which maps every byte, so any other file is changed only where the name's bytes
 * were; also in JSON's \\u-escaped form. XLSX workbooks in every XML part (shared strings,
 * inline strings, document properties). Parquet files are rewritten by {@link ParquetErasure}.
 * A file is replaced whole by a rewritten copy and keeps its modification time (for archived
 * files: when it arrived).
 */
final class FileErasure {

  private final Person person;

  FileErasure(Person person) {
    this.person = person;
  }

  /** Erases the name from the file; returns the occurrences replaced (0: the file is unchanged). */
  long erase(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    byte[] bytes = Files.readAllBytes(file);
    Rewritten rewritten = name.endsWith(".xlsx") || name.endsWith(".xlsm") ? workbook(file, bytes) : text(bytes);
    if (rewritten.occurrences() > 0) {
      replace(file, rewritten.bytes());
    }
    return rewritten.occurrences();
  }

  private record Rewritten(byte[] bytes, long occurrences) {}

  private Rewritten text(byte[] bytes) {
    Charset charset = charsetOf(bytes);
    String text = new String(bytes, charset);
    // JSON may escape letters outside ASCII (\\u00f6); in other text that form does not occur.
    Counted counted = replaceAll(text, person.inText());
    return new Rewritten(counted.count() == 0 ? bytes : counted.text().getBytes(charset), counted.count());
  }

  /** Read through the central directory: workbook writers may leave sizes out of the local headers. */
  private Rewritten workbook(Path file, byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    long occurrences = 0;
    try (ZipFile in = new ZipFile(file.toFile());
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry entry : Collections.list(in.entries())) {
        byte[] part;
        try (InputStream stream = in.getInputStream(entry)) {
          part = stream.readAllBytes();
        }
        String partName = entry.getName().toLowerCase(Locale.ROOT);
        if (partName.endsWith(".xml") || partName.endsWith(".rels")) {
          Counted counted = replaceAll(new String(part, StandardCharsets.UTF_8), person.xml());
          if (counted.count() > 0) {
            part = counted.text().getBytes(StandardCharsets.UTF_8);
            occurrences += counted.count();
          }
        }
        ZipEntry copy = new ZipEntry(entry.getName());
        if (entry.getLastModifiedTime() != null) {
          copy.setLastModifiedTime(entry.getLastModifiedTime());
        }
        zip.putNextEntry(copy);
        zip.write(part);
        zip.closeEntry();
      }
    }
    return new Rewritten(occurrences == 0 ? bytes : out.toByteArray(), occurrences);
  }

  private record Counted(String text, long count) {}

  private static Counted replaceAll(String text, Pattern pattern) {
    Matcher matcher = pattern.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    long count = 0;
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(Person.MARKER));
      count++;
    }
    matcher.appendTail(out);
    return new Counted(count == 0 ? text : out.toString(), count);
  }

  static Charset charsetOf(byte[] bytes) {
    Optional<Charset> utf16 = Utf16ByteOrder.of(bytes);
    if (utf16.isPresent()) {
      return utf16.get(); // a byte order mark decodes to U+FEFF and is written back
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return StandardCharsets.UTF_8;
    } catch (CharacterCodingException notUtf8) {
      return StandardCharsets.ISO_8859_1;
    }
  }

  /** Writes beside the file and moves over it, so the file is never half rewritten. */
  static void replace(Path file, byte[] bytes) throws IOException {
    FileTime modified = Files.getLastModifiedTime(file);
    Path partial = file.resolveSibling(file.getFileName() + ".erasing");
    try (OutputStream out = Files.newOutputStream(partial)) {
      out.write(bytes);
    }
    Files.setLastModifiedTime(partial, modified);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
