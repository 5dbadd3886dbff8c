package org.plumbline.cli;

import java.io.PrintWriter;
import org.plumbline.operations.RunView;

/** The per-step count table the run, restart and status commands print. */
final class RunTable {

  private RunTable() {}

  static void print(PrintWriter out, RunView run) {
    out.printf("  %-10s %-10s %10s %10s %10s %12s%n", "step", "status", "read", "written", "skipped", "quarantined");
    for (RunView.StepView s : run.steps()) {
      out.printf("  %-10s %-10s %10d %10d %10d %12d%n", s.name(), s.status(), s.read(), s.written(), s.skipped(),
          s.quarantined());
      s.note().lines().forEach(line -> out.println("    " + s.name() + ": " + line));
    }
  }
}
