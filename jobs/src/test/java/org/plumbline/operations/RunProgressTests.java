package org.plumbline.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.ingest.FileOutcome;

/** A run counts the inbox's files, and names what it leaves there unread. */
class RunProgressTests {

  @Test
  void aRunNamesTheFoldersAndHiddenFilesItLeavesInTheInbox(@TempDir Path inbox) throws Exception {
    // given a file, an unzipped delivery (a folder of files) and a hidden file in the inbox
    Files.writeString(inbox.resolve("erp_1.csv"), "a\n");
    Files.createDirectories(inbox.resolve("delivery 11-20")).resolve("erp_2.csv").toFile().createNewFile();
    Files.writeString(inbox.resolve(".erp_3.csv"), "a\n");
    RunProgress progress = new RunProgress();
    List<RunProgress.Snapshot> seen = new ArrayList<>();
    progress.addSink(new RunProgress.Sink() {
      @Override
      public void started(RunProgress.Snapshot snapshot) {
        seen.add(snapshot);
      }

      @Override
      public void fileDone(RunProgress.Snapshot snapshot, FileOutcome outcome) {
        seen.add(snapshot);
      }
    });

    // when the run starts and loads its one file
    progress.start(inbox);
    progress.afterFile(new FileOutcome("erp_1.csv", FileOutcome.Kind.LOADED, 1L, 1, 1, 0, 0, null));

    // then one file is counted, and the folder and the hidden file are named throughout the run
    assertThat(seen).extracting(RunProgress.Snapshot::filesDone, RunProgress.Snapshot::filesTotal,
        RunProgress.Snapshot::leftAlone).containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 1, List.of(".erp_3.csv", "delivery 11-20/")),
            org.assertj.core.groups.Tuple.tuple(1, 1, List.of(".erp_3.csv", "delivery 11-20/")));
  }
}
