package org.plumbline.erasure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;
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

  /**
   * The name as XML may write it, for XLSX parts: each character as itself, as a character
   * reference (&#246; or &#xf6;, as some writers put every letter outside ASCII) or, for
   * &amp; &lt; &gt; &apos; &quot;, as its entity.
   */
  Pattern xml() {
    return perCharacter(c -> {
      List<String> forms = new ArrayList<>(List.of(Pattern.quote(Character.toString(c)), "&#0*" + c + ";",
          "&#x0*" + Integer.toHexString(c) + ";"));
      String entity = switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '\'' -> "&apos;";
        case '"' -> "&quot;";
        default -> null;
      };
      if (entity != null) {
        forms.add(Pattern.quote(entity));
      }
      return forms;
    });
  }

  /** The name in text files: each character as itself or, as JSON may write it, as a \\u escape. */
  Pattern inText() {
    return perCharacter(c -> c > 0xffff ? List.of(Pattern.quote(Character.toString(c)))
        : List.of(Pattern.quote(Character.toString(c)), "\\\\u" + String.format("%04x", c)));
  }

  /** Each character of the name in any of its forms, in either letter case (hex digits too). */
  private Pattern perCharacter(IntFunction<List<String>> forms) {
    StringBuilder pattern = new StringBuilder();
    name.codePoints().forEach(c -> {
      Set<Integer> cases = new LinkedHashSet<>(List.of(c, Character.toLowerCase(c), Character.toUpperCase(c)));
      List<String> alternatives = new ArrayList<>();
      cases.forEach(variant -> alternatives.addAll(forms.apply(variant)));
      pattern.append("(?:").append(String.join("|", alternatives)).append(')');
    });
    return Pattern.compile(pattern.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
