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
  void theSameStoryGivesTheSameFiles(@TempDir Path first, @TempDir Path second) throws IOException {
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
      if (name.endsWith(".xlsx")) {
        // A workbook records when it was written, so compare what it holds, not its bytes.
        assertThat(GeneratedFiles.cells(b)).as(name).containsExactlyElementsOf(GeneratedFiles.cells(a));
      } else {
        assertThat(Files.mismatch(a, b)).as("first differing byte of %s", name).isEqualTo(-1L);
      }
      assertThat(Files.getLastModifiedTime(b)).isEqualTo(Files.getLastModifiedTime(a));
    }
  }

  private static List<String> names(GeneratedInbox inbox) {
    return inbox.paths().stream().map(p -> p.getFileName().toString()).toList();
  }
}
