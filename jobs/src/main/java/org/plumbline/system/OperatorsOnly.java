package org.plumbline.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Keeps the folders that hold data as delivered (personal and sensitive columns unmasked)
 * readable by their owner only: the account that runs Plumbline, i.e. the operators. Analysts
 * read published/ and lake/, which stay as the system's defaults make them.
 *
 * <p>On a file system without POSIX permissions (Windows) nothing is changed; restrict the
 * folders with the system's own access control lists there (docs/analysts.md).
 */
final class OperatorsOnly {

  private OperatorsOnly() {}

  /** The folders that hold unmasked data: the working warehouse, the archive, rejected files, runs and logs. */
  static List<Path> folders(PlumblineHome home) {
    return List.of(home.warehouseFile().getParent(), home.archive(), home.rejected(), home.jobRepository(),
        home.root().resolve("logs"));
  }

  static void restrict(PlumblineHome home) {
    for (Path folder : folders(home)) {
      PosixFileAttributeView posix = Files.getFileAttributeView(folder, PosixFileAttributeView.class);
      if (posix == null) {
        continue;
      }
      try {
        posix.setPermissions(PosixFilePermissions.fromString("rwx------"));
      } catch (IOException e) {
        throw new UncheckedIOException("Could not make " + folder + " readable by its owner only (it holds data as"
            + " delivered, personal data included): " + e.getMessage(), e);
      }
    }
  }
}
