package org.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.plumbline.ingest.LoadRereader;

class ReloadReportTests {

  @Test
  void aLoadLeftAsItWasEndsItsReasonWithOneFullStop() {
    // given a reload refused with a rejection's sentence, which ends in a full stop of its own
    LoadRereader.Load load = new LoadRereader.Load(7, "mes", "mes_2025-06.csv", "archive/mes_2025-06.csv", "abc",
        LocalDateTime.parse("2025-07-01T06:00"), "mes_2025-06.csv", null, "v1", null);
    LoadRereader.Result refused = new LoadRereader.Result(load, 0, null, 0, false, false,
        "The column 'line' is missing. Fix the source's column names, then put the file back in the inbox.");

    // then the line says so once, not "inbox.."
    assertThat(ReloadReport.line(refused)).isEqualTo("Load 7 (mes_2025-06.csv): not read again, left as it was:"
        + " The column 'line' is missing. Fix the source's column names, then put the file back in the inbox.");
  }
}
