package org.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plumbline.system.ExampleConfig;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.Warehouse;

/** The command line as a newcomer meets it: help on every command, plain refusals, documented exit codes. */
class CommandLineTests {

  record Result(int exitCode, String out, String err) {}

  static Result plumbline(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PlumblineCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "run", "restart", "stop", "status", "history", "serve", "config check", "hash-password"})
  void everyCommandExplainsItselfAndItsExitCodes(String command) {
    Result help = plumbline((command + " --help").split(" "));
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).startsWith("Usage: plumbline " + command)
        .contains("Exit codes:", "4  the warehouse is in use by another Plumbline process",
            "6  refused: a run is already going on", "7  the run was stopped before it ended");
  }

  @Test
  void theTopLevelHelpListsTheOperationsCommands() {
    Result help = plumbline("--help");
    assertThat(help.out()).contains("run", "restart", "stop", "status", "history", "serve", "config", "demo");
  }

  @Test
  void aWrongPeriodIsAUsageErrorInPlainWords(@TempDir Path home) {
    Result run = plumbline("--home", home.toString(), "run", "nightly", "2026-13");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("The period '2026-13' is neither a day (2026-01-31) nor a month (2026-01).");
  }

  @Test
  void aMonthIsJudgedOnceItIsOverSoItsReportCoversIt(@TempDir Path folder) throws Exception {
    // given a home with the example model and nothing in the inbox
    org.plumbline.system.PlumblineHome home = new org.plumbline.system.PlumblineHome(folder).createFolders();
    org.plumbline.system.ExampleConfig.writeIfAbsent(home);

    // when December is asked for
    Result run = plumbline("--home", folder.toString(), "run", "nightly", "2025-12");

    // then the data is taken as of 1 January, when December is over, and the report is December's
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("(as of 2026-01-01)");
    try (var duckdb = java.sql.DriverManager.getConnection("jdbc:duckdb:" + home.warehouseFile());
        var rows = duckdb.createStatement().executeQuery(
            "select period_label from rpt_report_period where period_kind = 'month'")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("2025-12");
    }
  }

  @Test
  void anUnknownJobOrANumberBelowOneIsAUsageError(@TempDir Path home) throws Exception {
    ExampleConfig.writeIfAbsent(new PlumblineHome(home).createFolders());
    Result job = plumbline("--home", home.toString(), "run", "nightlyy");
    assertThat(job.exitCode()).isEqualTo(2);
    assertThat(job.err().strip()).isEqualTo("There is no job called 'nightlyy'; the jobs are [nightly].");
    Result status = plumbline("--home", home.toString(), "status", "--last", "0");
    assertThat(status.exitCode()).isEqualTo(2);
    assertThat(status.err().strip()).isEqualTo("--last must be 1 or more (how many runs to show), not 0.");
    Path file = java.nio.file.Files.writeString(home.resolve("a.csv"), "day,qty\n");
    Result preview = plumbline("--home", home.toString(), "preview", file.toString(), "--rows", "-5");
    assertThat(preview.exitCode()).isEqualTo(2);
    assertThat(preview.err().strip()).isEqualTo("--rows must be 1 or more (how many rows of each part to show), not -5.");
  }

  @Test
  void anUnknownRunIsAUsageErrorWhateverTheCommand(@TempDir Path folder) throws Exception {
    // given a home with a warehouse (resend needs one) and no run
    PlumblineHome home = new PlumblineHome(folder).createFolders();
    ExampleConfig.writeIfAbsent(home);
    Warehouse.open(home.warehouseFile(), "1GB", 1).close();

    // when a run is named that does not exist, then each command says so with exit code 2, as for a load or finding
    for (String command : new String[] {"stop", "restart", "resend"}) {
      Result result = plumbline("--home", folder.toString(), command, "9");
      assertThat(result.exitCode()).as(command).isEqualTo(2);
      assertThat(result.err().strip()).as(command).isEqualTo("There is no run 9; `plumbline history` lists the runs.");
    }
    Result history = plumbline("--home", folder.toString(), "history");
    assertThat(history.exitCode()).isZero();
    assertThat(history.out().strip()).isEqualTo("No runs yet. Start one with `plumbline demo` or `plumbline run nightly`.");
  }

  @Test
  void aFolderThatIsNoHomeIsRefusedNotMadeIntoOne(@TempDir Path folder) throws Exception {
    // given a mistyped home and an empty folder
    Path typo = folder.resolve("nope");
    Path empty = Files.createDirectories(folder.resolve("empty"));

    // when commands that read or add to a home are pointed at them
    for (String command : new String[] {"status", "history", "stop 1", "restart 1", "trace PROD/2025-W31",
        "config check", "run nightly"}) {
      Result onTypo = plumbline(("--home " + typo + " " + command).split(" "));
      Result onEmpty = plumbline(("--home " + empty + " " + command).split(" "));

      // then they say so with exit code 2, and make nothing
      assertThat(onTypo.exitCode()).as(command).isEqualTo(2);
      assertThat(onTypo.err()).as(command).startsWith("There is no folder " + typo + ", so no Plumbline home there."
          + " Check --home (or PLUMBLINE_HOME; the default is ./var). `plumbline demo --home DIR` makes a home");
      assertThat(onEmpty.exitCode()).as(command).isEqualTo(2);
      assertThat(onEmpty.err()).as(command).startsWith(empty + " is no Plumbline home: it has no config folder.");
    }
    assertThat(typo).doesNotExist();
    assertThat(empty).isEmptyDirectory();
  }

  @Test
  void aBadScheduleStopsEveryCommandNamingTheKey(@TempDir Path home) throws Exception {
    java.nio.file.Files.createDirectories(home.resolve("config"));
    java.nio.file.Files.writeString(home.resolve("config/application.yml"),
        "plumbline:\n  schedule:\n    nightly: \"30 2 * * *\"\n");
    Result status = plumbline("--home", home.toString(), "status");
    assertThat(status.exitCode()).isEqualTo(3);
    assertThat(status.err()).startsWith("plumbline.schedule.nightly in config/application.yml is not a cron expression");
  }

  @Test
  void aHashedPasswordIsPrintedNeverThePassword() {
    var in = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream("correct horse battery\n".getBytes()));
      Result hash = plumbline("hash-password");
      assertThat(hash.exitCode()).isZero();
      assertThat(hash.out().strip()).startsWith("{bcrypt}$2a$").doesNotContain("correct horse");
      System.setIn(new java.io.ByteArrayInputStream("short\n".getBytes()));
      Result tooShort = plumbline("hash-password");
      assertThat(tooShort.exitCode()).isEqualTo(2);
      assertThat(tooShort.err().strip()).isEqualTo("A console password needs at least 8 characters.");
    } finally {
      System.setIn(in);
    }
  }
}
