package org.plumbline.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.plumbline.ingest.FileOutcome;
import org.plumbline.operations.RunProgress;

/**
 * Shows ingest progress: a progress bar of files (with rows) when a person watches a terminal,
 * one plain line per file when the output goes to a log or a pipe.
 */
abstract class TerminalProgress implements RunProgress.Sink {

  static RunProgress.Sink forThisProcess(PrintWriter out) {
    return attachedToTerminal() ? new Bar() : new Lines(out);
  }

  /** Java 22+ returns a console even when redirected; only isTerminal() tells then. */
  static boolean attachedToTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /** Line-oriented output for logs: quiet, one line per file, greppable. */
  static final class Lines extends TerminalProgress {
    private final PrintWriter out;

    Lines(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void started(RunProgress.Snapshot s) {
      out.printf("Loading %d inbox files%n", s.filesTotal());
      leftAlone(s).ifPresent(out::println);
      out.flush();
    }

    @Override
    public void fileDone(RunProgress.Snapshot s, FileOutcome outcome) {
      String what = switch (outcome.kind()) {
        case LOADED, COMPLETED_EARLIER -> loaded(outcome);
        case DUPLICATE -> "already loaded, skipped";
        case REJECTED -> "rejected: " + outcome.reason();
        case DEFERRED -> "left in the inbox for the next run: " + outcome.reason();
      };
      out.printf("  [%d/%d] %s: %s%n", s.filesDone(), s.filesTotal(), outcome.fileName(), what);
      out.flush();
    }
  }

  /**
   * "88 rows loaded", and the rows kept as layout and quarantined where there are any: a file
   * with quarantined rows must not read as wholly loaded in a log; and a note on how it was taken.
   */
  static String loaded(FileOutcome outcome) {
    return outcome.rowsLoaded() + " rows loaded"
        + (outcome.rowsSkipped() > 0 ? ", " + outcome.rowsSkipped() + " kept as layout" : "")
        + (outcome.rowsQuarantined() > 0 ? ", " + outcome.rowsQuarantined() + " quarantined" : "")
        + (outcome.reason() != null ? "; " + outcome.reason() : "");
  }

  /** "Left alone in the inbox: sub/, .x.csv (…)", when the run leaves anything there unread. */
  static java.util.Optional<String> leftAlone(RunProgress.Snapshot s) {
    return s.leftAlone().isEmpty() ? java.util.Optional.empty()
        : java.util.Optional.of("Left alone in the inbox: " + String.join(", ", s.leftAlone()) + " ("
            + RunProgress.LEFT_ALONE_WHY + ").");
  }

  /** A progress bar on the terminal (stderr, so stdout stays the summary). */
  static final class Bar extends TerminalProgress {
    private ProgressBar bar;

    @Override
    public void started(RunProgress.Snapshot s) {
      leftAlone(s).ifPresent(System.err::println);
      bar = new ProgressBarBuilder().setTaskName("Loading").setInitialMax(s.filesTotal())
          .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUnit(" files", 1).continuousUpdate()
          .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    @Override
    public void fileDone(RunProgress.Snapshot s, FileOutcome outcome) {
      if (bar == null) {
        return;
      }
      bar.maxHint(s.filesTotal());
      bar.stepTo(s.filesDone());
      bar.setExtraMessage(String.format("%,d rows", s.rowsLoaded()));
      if (s.filesDone() >= s.filesTotal()) {
        bar.close();
        bar = null;
      }
    }
  }
}
