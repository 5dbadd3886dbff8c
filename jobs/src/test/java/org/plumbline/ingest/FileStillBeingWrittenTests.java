package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.batch.core.ExitStatus;

/**
 * A file written a moment ago may be an upload in progress: loading it would load part of it and
 * archive the rest. It waits in the inbox for the next run, and the run says so.
 */
class FileStillBeingWrittenTests {

  @RegisterExtension final IngestHome home = IngestHome.eachTest(IngestHome.EXPORT_SOURCE);

  @Test
  void aFileWrittenAMomentAgoIsLeftInTheInboxAndTheStepEndsSayingSo() throws Exception {
    // given a finished export, and one whose last write was a second before the step's clock
    home.deliver("export_1.csv", "day,qty\n2025-01-06,10\n");
    Instant now = Instant.parse("2026-02-01T08:00:00Z");
    Path writing = home.deliver("export_2.csv", "day,qty\n2025-01-07,11\n");
    Files.setLastModifiedTime(writing, FileTime.from(now.minusSeconds(1)));
    List<FileOutcome> outcomes = new ArrayList<>();

    // when the step calls the tasklet until it finishes
    List<ExitStatus> exits = home.runIngestStep(Clock.fixed(now, ZoneOffset.UTC), outcomes::add).exits();

    // then the finished export is loaded, the other waits untouched (tried once), and the step says so
    assertThat(exits).hasSize(3);
    assertThat(outcomes).extracting(FileOutcome::fileName, FileOutcome::kind, FileOutcome::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple("export_1.csv", FileOutcome.Kind.LOADED, null),
        org.assertj.core.groups.Tuple.tuple("export_2.csv", FileOutcome.Kind.DEFERRED,
            "it was written 1000 ms ago and may still be being written"));
    assertThat(home.query("select file_name from load_audit")).containsExactly(List.of("export_1.csv"));
    assertThat(home.query("select count(*) from file_delivery where file_name = 'export_2.csv'"))
        .containsExactly(List.of(0L));
    assertThat(writing).exists();
    assertThat(exits.get(2).getExitCode()).isEqualTo("COMPLETED WITH FILES LEFT IN THE INBOX");
    assertThat(exits.get(2).getExitDescription()).isEqualTo(
        "1 file was left in the inbox for the next run, as it was still being written (export_2.csv).");
  }
}
