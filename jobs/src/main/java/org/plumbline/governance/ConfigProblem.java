package org.plumbline.governance;

import java.nio.file.Path;

/**
 * One thing wrong in the governance files, located so a person can go straight to it.
 *
 * @param line 1-based line in {@code file}, or 0 when the problem concerns the whole file
 * @param key where in the model, e.g. {@code policies[POL-INSP-001].kpi}; null for the whole file
 * @param message a whole sentence saying what is wrong and, where it can, what to do
 */
public record ConfigProblem(Path file, int line, String key, String message) {

  /** Reads like a compiler message: {@code policies.yml:12 policies[POL-INSP-001].kpi: The …}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(String.valueOf(file));
    if (line > 0) {
      text.append(':').append(line);
    }
    if (key != null && !key.isEmpty()) {
      text.append(' ').append(key);
    }
    return text.append(": ").append(message).toString();
  }
}
