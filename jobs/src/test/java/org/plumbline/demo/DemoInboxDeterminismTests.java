package org.plumbline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoInboxDeterminismTests {

  @Test
  void theSameStoryGivesTheSameBytes(@TempDir Path first, @TempDir Path second) throws IOException {
    // given
    DemoStory story = DemoStory.load();

    // when
    GeneratedInbox one = new DemoInboxGenerator(story).generate(first);
    GeneratedInbox two = new DemoInboxGenerator(DemoStory.load()).generate(second);

    // then
    assertThat(two.rowsBySource()).isEqualTo(one.rowsBySource());
    assertThat(names(two)).containsExactlyElementsOf(names(one));
    for (String name : names(one)) {
      Path a = first.resolve(name);
      Path b = second.resolve(name);
      // Byte for byte, workbooks too: the loader knows files by their bytes, and a workbook whose
      // bytes differ would load as a new version of the same document at every demo.
      assertThat(Files.mismatch(a, b)).as("first differing byte of %s", name).isEqualTo(-1L);
      assertThat(Files.getLastModifiedTime(b)).isEqualTo(Files.getLastModifiedTime(a));
    }
  }

  private static List<String> names(GeneratedInbox inbox) {
    return inbox.paths().stream().map(p -> p.getFileName().toString()).toList();
  }
}
