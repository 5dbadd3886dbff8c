package org.plumbline.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plumbline config check} says in a few lines whether the governance model is usable. */
class ConfigCheckTests {

  private final ConfigCheck check = new ConfigCheck();

  @Test
  void summarisesAValidModel() {
    // when
    ConfigCheck.Report report = check.check(GovernanceLoaderTests.EXAMPLE);

    // then
    assertThat(report.ok()).isTrue();
    assertThat(report.problems()).isEmpty();
    assertThat(report.text()).matches("Governance model OK: 3 departments, 3 roles, 8 KPIs, 1 policy \\(1 version\\),"
        + " 6 sources;\n2 objectives, 2 incentive schemes, 2 tensions, 6 submissions, 1 initiative,"
        + " 1 approved deviation, 2 exchange rates; plant time zone Europe/Berlin\\.\nConfig version [0-9a-f]{64}\\.");
  }

  @Test
  void listsTheProblemsOfAnInvalidModel(@TempDir Path dir) throws IOException {
    // given
    Files.writeString(dir.resolve("roles.yml"), """
        roles:
          - id: r
            title: R
        """);

    // when
    ConfigCheck.Report report = check.check(dir);

    // then
    assertThat(report.ok()).isFalse();
    assertThat(report.text()).isEqualTo("The governance model in " + dir + " has 1 problem:\n" + dir.resolve("roles.yml")
        + ":2 roles[r].can_pause_process: Required key 'can_pause_process' is missing from this role.");
  }
}
