package org.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plumbline.cli.ReloadCommandTests.plumbline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.cli.CommandLineTests.Result;
import org.plumbline.system.ExampleConfig;
import org.plumbline.system.PlumblineHome;

/** config check passes a valid model with a date inside a period, and says what that date does. */
class ConfigCheckWarningsTests {

  @Test
  void aPolicyTakingEffectOnAWednesdayIsValidAndWarnedAbout(@TempDir Path folder) throws Exception {
    // given the example model, its policy taking effect on Wednesday 3 January 2024 instead of Monday the 1st
    PlumblineHome home = new PlumblineHome(folder).createFolders();
    ExampleConfig.writeIfAbsent(home);
    Path policies = home.governance().resolve("policies.yml");
    String text = Files.readString(policies, StandardCharsets.UTF_8);
    assertThat(text).contains("effective_from: 2024-01-01");
    Files.writeString(policies, text.replace("effective_from: 2024-01-01", "effective_from: 2024-01-03"),
        StandardCharsets.UTF_8);

    // when
    Result check = plumbline(home, "config", "check");

    // then the model is valid, and the week it misses is named
    assertThat(check.exitCode()).isZero();
    assertThat(check.out()).startsWith("Governance model OK").endsWith("\nWarning: Policy POL-INSP-001 version 1 takes"
        + " effect on Wednesday 3 January 2024, inside the week from Monday 1 January 2024 to Sunday 7 January 2024."
        + " A period is judged by the version in force on its first day, so the policy does not judge that week and"
        + " version 1 judges from Monday 8 January 2024. To have it judge that week, let it take effect on Monday"
        + " 1 January 2024.\n");
  }
}
