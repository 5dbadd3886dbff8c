package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every file the loader takes ends up in the archive (or rejected folder) byte for byte, whatever the inbox is. */
class ArchivingIngestTests {

  @RegisterExtension final IngestHome home = IngestHome.eachTest(IngestHome.EXPORT_SOURCE);

  @Test
  void aFileNamedToTheFileSystemsLimitIsArchivedUnderAShortenedNameAndKeepsItsOwnInTheLedger() throws Exception {
    // given a name of 255 bytes, the most a file system allows
    String name = "export_" + "x".repeat(244) + ".csv";
    Path file = home.deliver(name, "day,qty\n2025-01-06,10\n");

    // when
    FileOutcome outcome = home.load(file);

    // then it is loaded and archived (the archive's name is shortened to fit behind the load id)
    assertThat(outcome.kind()).isEqualTo(FileOutcome.Kind.LOADED);
    assertThat(home.query("select file_name from load_audit")).containsExactly(List.of(name));
    Path archived = home.root().resolve((String) home.query("select archive_path from load_audit").get(0).get(0));
    assertThat(archived).exists().content().isEqualTo("day,qty\n2025-01-06,10\n");
    assertThat(archived.getFileName().toString()).startsWith("1-export_xxx").endsWith(".csv");
    assertThat(file).doesNotExist();
  }

  @Test
  void aSymbolicLinkIsRejectedAndItsTargetLeftAlone(@TempDir Path elsewhere) throws Exception {
    // given a link in the inbox to a file the source system rewrites in place
    Path target = Files.writeString(elsewhere.resolve("latest.csv"), "day,qty\n2025-01-06,10\n");
    Path link = Files.createSymbolicLink(home.home.inbox().resolve("export_latest.csv"), target);

    // when
    FileOutcome outcome = home.load(link);

    // then nothing is loaded, the reason says why and what to do, and the target is untouched
    assertThat(outcome.kind()).isEqualTo(FileOutcome.Kind.REJECTED);
    assertThat(outcome.reason()).isEqualTo("It is a symbolic link (to " + target + "), not a file: the archive would"
        + " keep the link, whose target can change or go, rather than the bytes loaded. Put the file itself in the inbox.");
    assertThat(home.query("select count(*) from load_audit")).containsExactly(List.of(0L));
    assertThat(target).exists();
  }

  @Test
  void aPartialCopyLeftByAStoppedMoveIsRemovedByTheNextIngestStepAndTheFileArchivedWhole() throws Exception {
    // given a run that stopped while copying export_1.csv out of an inbox on a share: its partial
    // copy in the archive, the file itself still in the inbox; and an earlier archived file
    Files.createDirectories(home.home.archive());
    Path earlier = Files.writeString(home.home.archive().resolve("7-export_0.csv"), "day,qty\n2025-01-05,9\n");
    Path partial = Files.writeString(home.home.archive().resolve(".moving-8342.part"), "day,qty\n2025-01-");
    Path rejectedPartial = Files.createDirectories(home.home.rejected()).resolve(".moving-17.part");
    Files.writeString(rejectedPartial, "day;");
    home.deliver("export_1.csv", "day,qty\n2025-01-06,10\n");

    // when the next run's ingest step runs
    home.runIngestStep(java.time.Clock.systemUTC());

    // then the partial copies are gone, the file is loaded and archived whole, and the earlier one is untouched
    assertThat(partial).doesNotExist();
    assertThat(rejectedPartial).doesNotExist();
    assertThat(home.home.archive().resolve("1-export_1.csv")).content().isEqualTo("day,qty\n2025-01-06,10\n");
    assertThat(earlier).content().isEqualTo("day,qty\n2025-01-05,9\n");
  }

  @Test
  void anInboxOnAnotherFileSystemIsArchivedByACopyAndTheInboxEmptied() throws Exception {
    // given an inbox on another file system than the home (a mounted share; here the shared-memory tmpfs)
    Path shm = Path.of("/dev/shm");
    assumeThat(Files.isDirectory(shm) && !Files.getFileStore(shm).equals(Files.getFileStore(home.root())))
        .as("a second file system at /dev/shm").isTrue();
    Path share = Files.createTempDirectory(shm, "plumbline-inbox-");
    try {
      Path inbox = home.home.inbox();
      Files.delete(inbox);
      Files.createSymbolicLink(inbox, share);
      Path file = home.deliver("export_1.csv", "day,qty\n2025-01-06,10\n");

      // when
      FileOutcome outcome = home.load(file);

      // then it is loaded, archived whole, and gone from the inbox, with no partial copy left beside it
      assertThat(outcome.kind()).isEqualTo(FileOutcome.Kind.LOADED);
      assertThat(home.home.archive().resolve("1-export_1.csv")).content().isEqualTo("day,qty\n2025-01-06,10\n");
      try (Stream<Path> left = Files.list(share); Stream<Path> archive = Files.list(home.home.archive())) {
        assertThat(left).isEmpty();
        assertThat(archive).extracting(p -> p.getFileName().toString()).containsExactly("1-export_1.csv");
      }
    } finally {
      try (Stream<Path> left = Files.list(share)) {
        for (Path p : left.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(share);
    }
  }
}
