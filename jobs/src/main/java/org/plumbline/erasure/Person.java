package org.plumbline.erasure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The person an erasure is for, as the name to search: trimmed, inner spaces collapsed,
 * Unicode NFC (so "Jörg" typed with a combining mark matches the files' "Jörg"), matched
 * without regard to case. The name itself is never logged or stored; {@link #sha256()} is.
 */
public final class Person {

  /** What replaces the name, in the ledger and in files. */
  public static final String MARKER = "[erased]";

  private final String name;

  public Person(String name) {
    String normalised = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC).strip()
        .replaceAll("\\s+", " ");
    if (normalised.codePointCount(0, normalised.length()) < 3) {
      throw new IllegalArgumentException("The name to erase must have at least three characters; a shorter one"
          + " would match inside other words and erase far more than one person's data.");
    }
    this.name = normalised;
  }

  /** SHA-256 (hex) of the name in lower case: what the erasure log keeps instead of the name. */
  public String sha256() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(lowerCase().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime.", e);
    }
  }

  String lowerCase() {
    return name.toLowerCase(Locale.ROOT);
  }

  /**
   * The name as a regular expression for DuckDB (RE2), used with the 'i' flag: every ASCII
   * character other than a letter or digit is escaped, so the name matches only literally.
   */
  String re2Pattern() {
    StringBuilder pattern = new StringBuilder();
    name.codePoints().forEach(c -> {
      if (c < 128 && !Character.isLetterOrDigit(c)) {
        pattern.append('\\');
      }
      pattern.appendCodePoint(c);
    });
    return pattern.toString();
  }

  /** The name in plain text, case-insensitive (CSV, text, logs; and XML or JSON without escapes). */
  Pattern plain() {
    return literal(name);
  }

  /** The name as XML writes it (&amp; &lt; &gt; &apos; &quot;), for XLSX parts. */
  Pattern xml() {
    return literal(name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")
        .replace("\"", "&quot;"));
  }

  /** The name as JSON may write it: letters outside ASCII as \\u escapes (either case of hex digits). */
  Pattern jsonEscaped() {
    StringBuilder pattern = new StringBuilder();
    for (char c : name.toCharArray()) {
      if (c < 128) {
        pattern.append(Pattern.quote(String.valueOf(c)));
      } else {
        String hex = String.format("%04x", (int) c);
        pattern.append("\\\\u(?:").append(hex).append('|').append(hex.toUpperCase(Locale.ROOT)).append(')');
      }
    }
    return Pattern.compile(pattern.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static Pattern literal(String text) {
    return Pattern.compile(Pattern.quote(text), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
