package org.plumbline.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's onboarding example is a complete, valid governance model, as it promises. */
class ReadmeExampleTests {

  @Test
  void theSmallestCompleteModelInTheReadmePassesTheConfigCheck(@TempDir Path dir) throws Exception {
    // given the YAML block after "The smallest complete model"
    String readme = Files.readString(Path.of("../README.md"));
    int from = readme.indexOf("```yaml", readme.indexOf("The smallest complete model")) + "```yaml".length();
    Files.writeString(dir.resolve("model.yml"), readme.substring(from, readme.indexOf("```", from)));

    // when
    ConfigCheck.Report report = new ConfigCheck().check(dir);

    // then
    assertThat(report.problems()).isEmpty();
    assertThat(report.text()).startsWith("Governance model OK: 1 department, 1 role, 1 KPI, 1 policy (1 version),"
        + " 2 sources;\n0 objectives, 0 incentive schemes, 0 tensions, 1 submission");
  }
}
