package org.plumbline.governance;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;

/**
 * Two sources whose 'files' patterns match one name: the loader rejects every such file (it
 * cannot tell which source it is), so the nightly would put a department's whole delivery in
 * rejected/ while `config check` said OK. A pattern's own example name (each wildcard an "x":
 * "erp_*.csv" gives "erp_x.csv") matched by another pattern proves that they overlap, so this
 * reports no false alarm; patterns with [classes] or {alternatives} give no example and are not
 * compared.
 */
final class SourcePatterns {

  private final List<Located<Source>> sources;

  SourcePatterns(SectionEntries entries) {
    this.sources = entries.of(Section.SOURCES).stream()
        .filter(s -> s.value().filePattern() != null && !s.value().filePattern().isBlank())
        .toList();
  }

  void check() {
    for (int i = 0; i < sources.size(); i++) {
      for (int j = 0; j < i; j++) {
        Located<Source> earlier = sources.get(j);
        Located<Source> later = sources.get(i);
        String example = bothMatch(earlier.value().filePattern(), later.value().filePattern());
        if (example != null) {
          later.block().problem("files", "The 'files' pattern \"" + later.value().filePattern() + "\" and that of"
              + " source '" + earlier.value().id() + "' (\"" + earlier.value().filePattern() + "\", "
              + earlier.block().file().getFileName() + " line " + earlier.block().line("files") + ") both match a"
              + " name such as \"" + example + "\"; every such file would be rejected, as its source cannot be told."
              + " Make the patterns distinct.");
        }
      }
    }
  }

  /** A name both patterns match, from either's example; null when neither example shows one. */
  private static String bothMatch(String a, String b) {
    for (String[] pair : new String[][] {{a, b}, {b, a}}) {
      String example = example(pair[0]);
      if (example != null && matches(pair[1], example)) {
        return example;
      }
    }
    return null;
  }

  private static String example(String pattern) {
    if (pattern.contains("[") || pattern.contains("{") || pattern.contains("\\") || pattern.contains("/")) {
      return null;
    }
    return pattern.replace("**", "x").replace('*', 'x').replace('?', 'x');
  }

  private static boolean matches(String pattern, String name) {
    try {
      return FileSystems.getDefault().getPathMatcher("glob:" + pattern).matches(Path.of(name));
    } catch (RuntimeException e) {
      return false; // not a pattern the loader can use either; not this check's to report
    }
  }
}
