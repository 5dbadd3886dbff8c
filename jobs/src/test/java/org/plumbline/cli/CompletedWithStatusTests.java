package org.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plumbline.cli.CommandLineTests.plumbline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.system.ExampleConfig;
import org.plumbline.system.PlumblineHome;

/**
 * A step that completed with something to say shows its exit code ("COMPLETED WITH REJECTED
 * FILES") as its status wherever ops look, so a script can grep for it; status also says what.
 */
class CompletedWithStatusTests {

  @Test
  void aRunThatRejectedAFileSaysSoInItsOutputStatusAndHistory(@TempDir Path folder) throws Exception {
    // given a home whose inbox holds a file no source takes, delivered an hour ago
    PlumblineHome home = new PlumblineHome(folder).createFolders();
    ExampleConfig.writeIfAbsent(home);
    Path notes = Files.writeString(home.inbox().resolve("notes from the shift.txt"), "Line 2 stood still.\n");
    Files.setLastModifiedTime(notes, FileTime.from(Instant.now().minusSeconds(3600)));

    // when the nightly job runs
    CommandLineTests.Result run = plumbline("--home", folder.toString(), "run", "nightly", "2026-01-31");

    // then the run completes, and its ingest step reads COMPLETED WITH REJECTED FILES, naming the file
    assertThat(run.exitCode()).as(run.err()).isZero();
    String ingestLine = "  ingest     COMPLETED WITH REJECTED FILES          0          0          0            0";
    String note = "    ingest: 1 of 1 file was rejected (notes from the shift.txt): each is in the rejected folder";
    assertThat(run.out()).contains(ingestLine).contains(note);
    CommandLineTests.Result status = plumbline("--home", folder.toString(), "status");
    assertThat(status.out()).contains(ingestLine).contains(note)
        .contains("  reconcile  COMPLETED                              0");
    // and history's one line says which step completed with something to say
    CommandLineTests.Result history = plumbline("--home", folder.toString(), "history");
    assertThat(history.out()).containsPattern("\\n\\s+1  nightly  2026-01-31\\s+COMPLETED .*  ingest COMPLETED WITH"
        + " REJECTED FILES\\n");
  }
}
