package org.plumbline.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A delivered file's name as the archive and rejected folders store it, behind a prefix (the
 * load id, a time stamp), with room for a file named after it (the rejected file's
 * ".reason.txt"): whole where that fits the file system's limit on a name (255 bytes on Linux,
 * macOS and Windows alike), else shortened with a hash of the whole name, its extension kept. A file named up to the limit is a
 * legal delivery, and a name the archive cannot take would fail the move after the load has
 * committed, every run again. The delivered name stays whole in the ledger (load_audit.file_name,
 * file_delivery.file_name).
 */
final class ArchiveName {

  static final int MAX_NAME_BYTES = 255;
  private static final int HASH_CHARS = 8;
  private static final int MAX_EXTENSION_CHARS = 16;

  private ArchiveName() {}

  /** {@code prefix + name}, the name shortened where that plus {@code roomFor} would be longer than a name may be. */
  static String of(String prefix, String name, String roomFor) {
    if (bytes(prefix + name + roomFor) <= MAX_NAME_BYTES) {
      return prefix + name;
    }
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION_CHARS ? name.substring(dot) : "";
    String stem = name.substring(0, name.length() - extension.length());
    String marker = "~" + hash(name);
    int room = MAX_NAME_BYTES - bytes(prefix + marker + extension + roomFor);
    return prefix + cut(stem, room) + marker + extension;
  }

  /** The longest start of {@code text} within {@code maxBytes} of UTF-8, never splitting a character. */
  private static String cut(String text, int maxBytes) {
    int used = 0;
    int end = 0;
    while (end < text.length()) {
      int codePoint = text.codePointAt(end);
      int size = bytes(new String(Character.toChars(codePoint)));
      if (used + size > maxBytes) {
        break;
      }
      used += size;
      end += Character.charCount(codePoint);
    }
    return text.substring(0, end);
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String hash(String name) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
