package org.plumbline.erasure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
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
 * without regard to case. One person may be written several ways ("Müller" and "Mueller",
 * with or without a middle name): each spelling is searched, longest first, so a longer
 * spelling is erased whole rather than around a shorter one inside it. The names themselves
 * are never logged or stored; their {@link #sha256s()} are.
 */
public final class Person {

  /** What replaces the name, in the ledger and in files. */
  public static final String MARKER = "[erased]";

  /**
   * What a space between the parts of a name matches, in Java's and DuckDB's (RE2) regular
   * expressions alike: any run of white space, underscores, dots or hyphens, or none, as file
   * names and logs write "Jörg Müller" (Jörg_Müller.json, joerg.mueller, JörgMüller).
   */
  static final String SEPARATOR = "[\\s_.\\-]*";

  private final List<String> names;

  public Person(String name) {
    this(List.of(name == null ? "" : name));
  }

  /** One person by every spelling the data may hold; at least one. */
  public Person(List<String> spellings) {
    if (spellings.isEmpty()) {
      throw new IllegalArgumentException("Name at least one spelling of the person to erase.");
    }
    Set<String> distinct = new LinkedHashSet<>();
    for (String spelling : spellings) {
      String normalised = spelling == null ? "" : Normalizer.normalize(spelling, Normalizer.Form.NFC).strip()
          .replaceAll("\\s+", " ");
      if (normalised.codePointCount(0, normalised.length()) < 3) {
        throw new IllegalArgumentException("The name to erase must have at least three characters; a shorter one"
            + " would match inside other words and erase far more than one person's data.");
      }
      if (distinct.stream().noneMatch(normalised::equalsIgnoreCase)) {
        distinct.add(normalised);
      }
    }
    List<String> longestFirst = new ArrayList<>(distinct);
    longestFirst.sort(Comparator.comparingInt(String::length).reversed());
    this.names = List.copyOf(longestFirst);
  }

  /** How many distinct spellings are searched. */
  public int spellings() {
    return names.size();
  }

  /** SHA-256 (hex) of the (first, longest) name in lower case. */
  public String sha256() {
    return sha256s().get(0);
  }

  /** SHA-256 (hex) of each spelling in lower case: what the erasure log keeps instead of the names. */
  public List<String> sha256s() {
    try {
      List<String> hashes = new ArrayList<>();
      for (String name : names) {
        byte[] digest = MessageDigest.getInstance("SHA-256")
            .digest(name.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        hashes.add(HexFormat.of().formatHex(digest));
      }
      return hashes;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime.", e);
    }
  }

  /**
   * The names as a regular expression for DuckDB (RE2), used with the 'i' flag: every ASCII
   * character other than a letter or digit is escaped, so each name matches only literally.
   */
  String re2Pattern() {
    List<String> alternatives = new ArrayList<>();
    for (String name : names) {
      StringBuilder pattern = new StringBuilder();
      name.codePoints().forEach(c -> {
        if (c == ' ') {
          pattern.append(SEPARATOR);
          return;
        }
        if (c < 128 && !Character.isLetterOrDigit(c)) {
          pattern.append('\\');
        }
        pattern.appendCodePoint(c);
      });
      alternatives.add(pattern.toString());
    }
    return String.join("|", alternatives);
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

  /** Each character of each name in any of its forms, in either letter case (hex digits too). */
  private Pattern perCharacter(IntFunction<List<String>> forms) {
    List<String> spellings = new ArrayList<>();
    for (String name : names) {
      StringBuilder pattern = new StringBuilder();
      name.codePoints().forEach(c -> {
        if (c == ' ') {
          pattern.append(SEPARATOR);
          return;
        }
        Set<Integer> cases = new LinkedHashSet<>(List.of(c, Character.toLowerCase(c), Character.toUpperCase(c)));
        List<String> alternatives = new ArrayList<>();
        cases.forEach(variant -> alternatives.addAll(forms.apply(variant)));
        pattern.append("(?:").append(String.join("|", alternatives)).append(')');
      });
      spellings.add("(?:" + pattern + ")");
    }
    return Pattern.compile(String.join("|", spellings), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
