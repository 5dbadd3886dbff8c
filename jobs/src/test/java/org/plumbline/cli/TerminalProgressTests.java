package org.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.plumbline.ingest.FileOutcome;

/** A log's line per file says what was not loaded as well as what was. */
class TerminalProgressTests {

  @Test
  void aFileLineNamesLayoutAndQuarantinedRowsWhereThereAreAny() {
    assertThat(TerminalProgress.loaded(outcome(88, 0, 0))).isEqualTo("88 rows loaded");
    assertThat(TerminalProgress.loaded(outcome(4, 0, 3))).isEqualTo("4 rows loaded, 3 quarantined");
    assertThat(TerminalProgress.loaded(outcome(12, 1, 2))).isEqualTo("12 rows loaded, 1 kept as layout, 2 quarantined");
  }

  private static FileOutcome outcome(long loaded, long layout, long quarantined) {
    return new FileOutcome("a.csv", FileOutcome.Kind.LOADED, 1L, loaded + layout + quarantined, loaded, layout,
        quarantined, null);
  }
}
