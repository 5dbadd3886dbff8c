package org.plumbline.schedule;

import org.plumbline.operations.RunView;

/**
 * One alert about one run, in plain words with the command that repairs it.
 *
 * @param kind {@code failed} or {@code stuck}
 */
record Alert(String kind, RunView run, String subject, String text) {

  static Alert failed(RunView run, String consoleUrl) {
    String subject = "Plumbline run " + run.id() + " (" + run.job() + ", as of " + run.asOf() + ") failed";
    String text = subject + " after " + run.took() + "." + System.lineSeparator()
        + "What went wrong: " + (run.failure().isEmpty() ? "no message was recorded; see the log." : run.failure())
        + System.lineSeparator() + repair(run, consoleUrl);
    return new Alert("failed", run, subject, text);
  }

  static Alert stuck(RunView run, String idleFor, String consoleUrl) {
    String subject = "Plumbline run " + run.id() + " (" + run.job() + ", as of " + run.asOf() + ") looks stuck";
    String text = subject + ": it has been running for " + run.took() + " and has not made progress for "
        + idleFor + "." + System.lineSeparator()
        + "Stop it with: plumbline stop " + run.id() + System.lineSeparator() + repair(run, consoleUrl);
    return new Alert("stuck", run, subject, text);
  }

  private static String repair(RunView run, String consoleUrl) {
    String console = consoleUrl == null || consoleUrl.isBlank() ? ""
        : " (or the Restart button at " + consoleUrl.replaceAll("/+$", "") + "/runs/" + run.id() + ")";
    return "Restart it with: " + run.restartCommand() + console;
  }
}
