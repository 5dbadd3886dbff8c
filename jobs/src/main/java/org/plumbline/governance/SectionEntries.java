package org.plumbline.governance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The entries read from all governance files, per section, and which files held each section. */
final class SectionEntries {

  private final Map<Section<?>, List<Located<?>>> entries = new HashMap<>();
  private final Map<Section<?>, Set<String>> files = new HashMap<>();

  <T> void add(Section<T> section, Located<T> entry) {
    entries.computeIfAbsent(section, s -> new ArrayList<>()).add(entry);
  }

  void sawSection(Section<?> section, Path file) {
    files.computeIfAbsent(section, s -> new TreeSet<>()).add(String.valueOf(file.getFileName()));
  }

  @SuppressWarnings("unchecked") // add(...) only ever stores Located<T> under Section<T>
  <T> List<Located<T>> of(Section<T> section) {
    List<Located<T>> located = new ArrayList<>();
    for (Located<?> entry : entries.getOrDefault(section, List.of())) {
      located.add((Located<T>) entry);
    }
    return located;
  }

  <T> List<T> values(Section<T> section) {
    return of(section).stream().map(Located::value).toList();
  }

  /** Where a reader looks for a section's entries, e.g. "kpis.yml", for messages. */
  String whereToLook(Section<?> section) {
    Set<String> names = files.get(section);
    return names == null ? "no governance file has a '" + section.name() + "' section" : String.join(", ", names);
  }
}
