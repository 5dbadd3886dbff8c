package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A system's rows add up across its files. An export whose periods another file of the source
 * covered already may be the same data again under another name: the load says so.
 */
class OverlappingExportsTests {

  @RegisterExtension final IngestHome home = IngestHome.eachTest(IngestHome.EXPORT_SOURCE);

  @Test
  void anExportOverlappingAnEarlierOnesPeriodsSaysSoAndOneForOtherDaysDoesNot() throws Exception {
    // given January's first week, the same days exported again under another name (other bytes), and the next week
    home.load(home.deliver("export_2025-01-w1.csv", "day,qty\n2025-01-06,10\n2025-01-07,11\n"));

    // when
    FileOutcome again = home.load(home.deliver("export_2025-01-w1_rerun.csv", "day,qty\r\n2025-01-07,11\r\n"));
    FileOutcome next = home.load(home.deliver("export_2025-01-w2.csv", "day,qty\n2025-01-13,12\n"));

    // then the re-run is loaded (only the steward knows whether it repeats or adds), saying what to check
    String note = "its periods overlap those of load 1 (export_2025-01-w1.csv) of the same source, and a system's"
        + " rows from two files add up: if it is the same data exported again, it now counts twice. If a new file"
        + " replaces the one before, give source 'test_export' version_key: periods in sources.yml";
    assertThat(again.kind()).isEqualTo(FileOutcome.Kind.LOADED);
    assertThat(again.reason()).isEqualTo(note);
    assertThat(next.reason()).isNull();
    assertThat(home.query("select file_name, reason from file_delivery where outcome = 'loaded' order by delivery_id"))
        .containsExactly(java.util.Arrays.asList("export_2025-01-w1.csv", null), List.of("export_2025-01-w1_rerun.csv", note),
            java.util.Arrays.asList("export_2025-01-w2.csv", null));
  }
}
