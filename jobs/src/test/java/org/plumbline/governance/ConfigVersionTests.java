package org.plumbline.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config version identifies the exact governance files: same bytes, same version. */
class ConfigVersionTests {

  private final GovernanceLoader loader = new GovernanceLoader();

  @Test
  void isStableForTheSameFilesWhereverTheyAre(@TempDir Path first, @TempDir Path second) throws IOException {
    // given
    copyExample(first);
    copyExample(second);

    // when
    String version = loader.load(first).configVersion();

    // then
    assertThat(loader.load(first).configVersion()).isEqualTo(version);
    assertThat(loader.load(second).configVersion()).isEqualTo(version);
    assertThat(loader.load(GovernanceLoaderTests.EXAMPLE).configVersion()).isEqualTo(version);
  }

  @Test
  void changesWhenAFileChangesEvenOnlyInAComment(@TempDir Path dir) throws IOException {
    // given
    copyExample(dir);
    String before = loader.load(dir).configVersion();

    // when
    Path policies = dir.resolve("policies.yml");
    Files.writeString(policies, Files.readString(policies).replace("# Policies:", "# The policies:"));

    // then
    assertThat(loader.load(dir).configVersion()).isNotEqualTo(before);
  }

  @Test
  void changesWhenAFileIsRenamed(@TempDir Path dir) throws IOException {
    // given
    copyExample(dir);
    String before = loader.load(dir).configVersion();

    // when
    Files.move(dir.resolve("roles.yml"), dir.resolve("roles.yaml"));

    // then
    assertThat(loader.load(dir).configVersion()).isNotEqualTo(before);
  }

  static void copyExample(Path target) throws IOException {
    try (Stream<Path> files = Files.list(GovernanceLoaderTests.EXAMPLE)) {
      for (Path file : files.toList()) {
        Files.copy(file, target.resolve(file.getFileName().toString()));
      }
    }
  }
}
