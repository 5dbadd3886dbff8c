package org.plumbline.governance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem found while reading, so they can all be reported at once. */
final class Problems {

  private final List<ConfigProblem> found = new ArrayList<>();

  void add(Path file, int line, String key, String message) {
    found.add(new ConfigProblem(file, line, key, message));
  }

  int count() {
    return found.size();
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /** In file and line order, the order a person fixes them in; ties keep the order found. */
  List<ConfigProblem> sorted() {
    List<ConfigProblem> sorted = new ArrayList<>(found);
    sorted.sort(Comparator.comparing((ConfigProblem p) -> String.valueOf(p.file()))
        .thenComparingInt(ConfigProblem::line));
    return sorted;
  }
}
