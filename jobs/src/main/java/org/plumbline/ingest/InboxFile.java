package org.plumbline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * A file waiting in the inbox: its bytes' SHA-256, size, and its last-modified time (UTC), which
 * is when it arrived unless FileLoader finds it cannot be (the ledger's "received" time axis).
 */
record InboxFile(Path path, String name, String contentHash, long sizeBytes, LocalDateTime modifiedAt) {

  static InboxFile of(Path path) throws IOException {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(path)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha256.update(buffer, 0, n);
      }
    }
    return new InboxFile(path, path.getFileName().toString(), HexFormat.of().formatHex(sha256.digest()),
        Files.size(path), modifiedAt(path));
  }

  /** Whether the file is still as it was hashed: the same size and last-modified time. */
  boolean unchanged() {
    try {
      return Files.size(path) == sizeBytes && modifiedAt(path).equals(modifiedAt);
    } catch (IOException e) {
      return false;
    }
  }

  private static LocalDateTime modifiedAt(Path path) throws IOException {
    return LocalDateTime.ofInstant(Files.getLastModifiedTime(path).toInstant(), ZoneOffset.UTC);
  }
}
