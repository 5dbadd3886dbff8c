package org.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plumbline.ingest.FileOutcome;
import org.plumbline.operations.RunProgress;

/** A log's line per file says what was not loaded as well as what was. */
class TerminalProgressTests {

  @Test
  void aFileLineNamesLayoutAndQuarantinedRowsWhereThereAreAny() {
    assertThat(TerminalProgress.loaded(outcome(88, 0, 0))).isEqualTo("88 rows loaded");
    assertThat(TerminalProgress.loaded(outcome(4, 0, 3))).isEqualTo("4 rows loaded, 3 quarantined");
    assertThat(TerminalProgress.loaded(outcome(12, 1, 2))).isEqualTo("12 rows loaded, 1 kept as layout, 2 quarantined");
  }

  @Test
  void theRunsFirstLineIsFollowedByWhatItLeavesInTheInbox() {
    assertThat(TerminalProgress.leftAlone(new RunProgress.Snapshot(0, 1, 0, 0, 0, "", List.of())))
        .isEmpty();
    assertThat(TerminalProgress.leftAlone(new RunProgress.Snapshot(0, 1, 0, 0, 0, "", List.of(".x.csv", "sub/"))))
        .contains("Left alone in the inbox: .x.csv, sub/ (files in folders and hidden files are not read: put the"
            + " files themselves in the inbox).");
  }

  private static FileOutcome outcome(long loaded, long layout, long quarantined) {
    return new FileOutcome("a.csv", FileOutcome.Kind.LOADED, 1L, loaded + layout + quarantined, loaded, layout,
        quarantined, null);
  }
}
