package org.plumbline.cli;

import java.io.PrintWriter;
import org.plumbline.operations.RunView;

/** The per-step count table the run, restart and status commands print. */
final class RunTable {

  private RunTable() {}

  /** A step's status is its exit code when it completed with something to say, so ops can grep for it. */
  static void print(PrintWriter out, RunView run) {
    int width = Math.max(10, run.steps().stream().mapToInt(s -> s.shownStatus().length()).max().orElse(0));
    String header = "  %-10s %-" + width + "s %10s %10s %10s %12s%n";
    String row = "  %-10s %-" + width + "s %10d %10d %10d %12d%n";
    out.printf(header, "step", "status", "read", "written", "skipped", "quarantined");
    for (RunView.StepView s : run.steps()) {
      out.printf(row, s.name(), s.shownStatus(), s.read(), s.written(), s.skipped(), s.quarantined());
      s.note().lines().forEach(line -> out.println("    " + s.name() + ": " + line));
    }
  }
}
