package org.plumbline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folders holding data as delivered are the operators' only; what analysts read is not restricted. */
class OperatorsOnlyTests {

  @Test
  void theWorkingStoreArchiveRejectedFilesRunsAndLogsAreReadableByTheirOwnerOnly(@TempDir Path folder)
      throws Exception {
    // given a home folder whose warehouse folder was opened up by hand
    PlumblineHome home = new PlumblineHome(folder).createFolders();
    Files.setPosixFilePermissions(home.warehouseFile().getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));

    // when any command prepares the home again
    home.createFolders();

    // then
    for (Path restricted : new Path[] {home.warehouseFile().getParent(), home.archive(), home.rejected(),
        home.jobRepository(), home.root().resolve("logs")}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(restricted)))
          .as(restricted.toString()).isEqualTo("rwx------");
    }
    for (Path shared : new Path[] {home.published(), home.lake(), home.outbox()}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)))
          .as(shared.toString()).isNotEqualTo("rwx------");
    }
  }
}
