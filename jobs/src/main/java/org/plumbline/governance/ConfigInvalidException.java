package org.plumbline.governance;

import java.nio.file.Path;
import java.util.List;

/** The governance files have problems; all of them are listed, not just the first. */
public class ConfigInvalidException extends RuntimeException {

  private final transient Path governanceDir;
  private final transient List<ConfigProblem> problems;

  public ConfigInvalidException(Path governanceDir, List<ConfigProblem> problems) {
    super(message(governanceDir, problems));
    this.governanceDir = governanceDir;
    this.problems = List.copyOf(problems);
  }

  public Path governanceDir() {
    return governanceDir;
  }

  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String message(Path governanceDir, List<ConfigProblem> problems) {
    StringBuilder text = new StringBuilder("The governance model in ").append(governanceDir)
        .append(" has ").append(problems.size())
        .append(problems.size() == 1 ? " problem:" : " problems:");
    for (ConfigProblem problem : problems) {
      text.append('\n').append(problem);
    }
    return text.toString();
  }
}
