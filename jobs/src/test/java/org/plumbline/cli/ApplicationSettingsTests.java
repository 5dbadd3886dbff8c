package org.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plumbline.cli.CommandLineTests.plumbline;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.system.ExampleConfig;
import org.plumbline.system.PlumblineHome;

/**
 * config/application.yml is checked alike by every command that reads it and by `config check`:
 * a problem stops each with exit code 3, naming file, line, key and what it must be.
 */
class ApplicationSettingsTests {

  @Test
  void aRoleThatIsNeitherViewerNorOperatorStopsStatusRunAndConfigCheck(@TempDir Path folder) throws Exception {
    // given the example home whose one console user has the role admin (line 6)
    Path settings = home(folder, """
        plumbline:
          console:
            users:
              - name: olga
                password-hash: "{bcrypt}$2a$10$abcdefghijklmnopqrstuu0123456789012345678901234567890"
                role: admin
        """);
    String problem = settings + ":6 plumbline.console.users[0].role: must be viewer (read only) or operator"
        + " (also launch, stop, restart), not 'admin'.";

    // when status, a run and config check start, then each stops with the same line
    for (String[] command : new String[][] {{"status"}, {"run", "nightly", "2026-01-31"}, {"config", "check"}}) {
      CommandLineTests.Result result = plumbline(with(folder, command));
      assertThat(result.exitCode()).as(String.join(" ", command)).isEqualTo(3);
      assertThat(result.err().strip()).as(String.join(" ", command)).isEqualTo(problem);
    }
    // and the run made no run
    assertThat(plumbline(with(folder, "history")).exitCode()).isEqualTo(3);
    assertThat(Files.exists(folder.resolve("warehouse/plumbline.duckdb"))).isFalse();
  }

  @Test
  void aPasswordWhereItsHashBelongsIsRefusedWithoutRepeatingIt(@TempDir Path folder) throws Exception {
    Path settings = home(folder, """
        plumbline:
          console:
            users:
              - name: olga
                password-hash: "operator-pass1"
                role: operator
        """);

    CommandLineTests.Result check = plumbline(with(folder, "config", "check"));

    assertThat(check.exitCode()).isEqualTo(3);
    assertThat(check.err().strip()).isEqualTo(settings + ":5 plumbline.console.users[0].password-hash: must be a hash"
        + " such as {bcrypt}$2a$10$…, never a password; make one for olga with `plumbline hash-password`.");
    assertThat(check.out() + check.err()).doesNotContain("operator-pass1");
  }

  @Test
  void configCheckRefusesTheDeliveryAddressEveryCommandRefuses(@TempDir Path folder) throws Exception {
    Path settings = home(folder, """
        plumbline:
          delivery:
            email:
              enabled: true
              from: reports@example.com
              smtp:
                host: smtp.example.com
              lists:
                executives: { report: summary, to: [ceo@example.com, cfo@] }
        """);
    String problem = settings + ":9 plumbline.delivery.email.lists.executives.to[1]: 'cfo@' is not an e-mail address"
        + " such as name@example.com.";

    CommandLineTests.Result check = plumbline(with(folder, "config", "check"));
    CommandLineTests.Result status = plumbline(with(folder, "status"));

    assertThat(check.exitCode()).isEqualTo(3);
    assertThat(check.err().strip()).isEqualTo(problem);
    assertThat(status.exitCode()).isEqualTo(3);
    assertThat(status.err().strip()).isEqualTo(problem);
  }

  @Test
  void configCheckSaysTheSettingsAreOkWhenTheyAre(@TempDir Path folder) {
    PlumblineHome home = new PlumblineHome(folder).createFolders();
    ExampleConfig.writeIfAbsent(home);

    CommandLineTests.Result check = plumbline(with(folder, "config", "check"));

    assertThat(check.exitCode()).as(check.err()).isZero();
    assertThat(check.out()).contains("Settings OK (" + home.config().resolve("application.yml") + ").");
  }

  @Test
  void aMemoryLimitThatIsNoSizeStopsEveryCommandAtStartUp(@TempDir Path folder) throws Exception {
    home(folder, """
        plumbline:
          warehouse:
            memory-limit: lots
        """);

    CommandLineTests.Result status = plumbline(with(folder, "status"));

    assertThat(status.exitCode()).isEqualTo(3);
    assertThat(status.err().strip()).isEqualTo("plumbline.warehouse.memory-limit in config/application.yml must be"
        + " a size such as 2GB or 512MB, not 'lots'.");
  }

  /** The example home with {@code yaml} as its config/application.yml; returns that file. */
  private static Path home(Path folder, String yaml) throws Exception {
    PlumblineHome home = new PlumblineHome(folder).createFolders();
    ExampleConfig.writeIfAbsent(home);
    return Files.writeString(home.config().resolve("application.yml"), yaml);
  }

  private static String[] with(Path folder, String... command) {
    String[] args = new String[command.length + 2];
    args[0] = "--home";
    args[1] = folder.toString();
    System.arraycopy(command, 0, args, 2, command.length);
    return args;
  }
}
