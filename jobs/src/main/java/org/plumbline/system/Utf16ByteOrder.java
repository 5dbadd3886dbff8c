package org.plumbline.system;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Whether text bytes are UTF-16, and in which byte order. A byte-order mark says so. Without
 * one, text that is mostly ASCII (as CSV headers, dates and numbers are) has a zero byte in
 * every pair, on one side: the second in little-endian, the first in big-endian. Only the start
 * of the bytes is looked at.
 */
public final class Utf16ByteOrder {

  /** How many bytes of the start the byte order is judged by. */
  public static final int SAMPLE_BYTES = 4096;

  private Utf16ByteOrder() {}

  /** UTF_16LE or UTF_16BE, or empty when neither a mark nor the zero bytes say the text is UTF-16. */
  public static Optional<Charset> of(byte[] bytes) {
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return Optional.of(StandardCharsets.UTF_16BE);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return Optional.of(StandardCharsets.UTF_16LE);
    }
    int pairs = 0;
    int zeroFirst = 0;
    int zeroSecond = 0;
    for (int i = 0; i + 1 < Math.min(bytes.length, SAMPLE_BYTES); i += 2) {
      pairs++;
      zeroFirst += bytes[i] == 0 ? 1 : 0;
      zeroSecond += bytes[i + 1] == 0 ? 1 : 0;
    }
    // A quarter of the pairs with a zero, nearly all on one side: no 8-bit text looks like that.
    if (zeroSecond * 4 >= pairs && zeroFirst * 8 <= zeroSecond) {
      return Optional.of(StandardCharsets.UTF_16LE);
    }
    if (zeroFirst * 4 >= pairs && zeroSecond * 8 <= zeroFirst && pairs > 0) {
      return Optional.of(StandardCharsets.UTF_16BE);
    }
    return Optional.empty();
  }
}
