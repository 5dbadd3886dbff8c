package org.plumbline.cli;

/** The command line's exit codes, as documented in README.md and {@code --help}. */
final class ExitCodes {
  static final int OK = 0;
  static final int JOB_FAILED = 1;
  static final int USAGE = 2;
  static final int CONFIG_INVALID = 3;
  static final int WAREHOUSE_BUSY = 4;
  static final int ERROR = 5;
  static final int REFUSED = 6;
  static final int STOPPED = 7;

  /** Each line under 80 characters: the help is wrapped there, and a wrapped line loses its indent. */
  static final String HELP = """
      Exit codes:
        0  done
        1  the job ran and failed (restart it with the command shown)
        2  the command line was wrong: an unknown command, option, run, load
           or finding, or a --home that is no Plumbline home
        3  the configuration is invalid (the governance model and
           config/application.yml: each problem with file, line where
           known, key and what it must be)
        4  the warehouse is in use by another Plumbline process
           (e.g. `plumbline serve`)
        5  any other error (the message says what)
        6  refused: a run is already going on (it is named, with the command
           to stop it), or the run cannot be stopped or restarted (it
           completed, or a restart has continued it already)
        7  the run was stopped before it ended (restart it with the command
           shown)""";

  private ExitCodes() {}
}
