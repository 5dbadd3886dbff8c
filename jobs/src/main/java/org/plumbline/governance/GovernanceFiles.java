package org.plumbline.governance;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The {@code *.yml} and {@code *.yaml} files of the governance folder, read once, in name order. */
final class GovernanceFiles {

  /**
   * A governance model is a few pages of text; anything much larger is the wrong file, and
   * refusing it before parsing keeps a huge file from tying up memory.
   */
  static final int MAX_BYTES = 1_000_000;

  /** One file's name and the exact bytes that were parsed (and that the config version covers). */
  record GovernanceFile(Path path, byte[] bytes) {
    String name() {
      return String.valueOf(path.getFileName());
    }
  }

  private GovernanceFiles() {}

  static List<GovernanceFile> read(Path governanceDir, Problems problems) {
    if (!Files.isDirectory(governanceDir)) {
      problems.add(governanceDir, 0, null,
          "The governance folder does not exist; it should hold the governance model's .yml files.");
      return List.of();
    }
    List<Path> paths = new ArrayList<>();
    try (DirectoryStream<Path> listing = Files.newDirectoryStream(governanceDir)) {
      for (Path path : listing) {
        if (isGovernanceFile(path)) {
          paths.add(path);
        }
      }
    } catch (IOException e) {
      problems.add(governanceDir, 0, null, "The governance folder could not be listed: " + e.getMessage() + ".");
      return List.of();
    }
    if (paths.isEmpty()) {
      problems.add(governanceDir, 0, null, "The governance folder holds no .yml files, so there is no governance model.");
    }
    // Name order makes the config version and the order of entries the same on every machine.
    paths.sort(Comparator.comparing(path -> String.valueOf(path.getFileName())));
    List<GovernanceFile> files = new ArrayList<>();
    for (Path path : paths) {
      try {
        long size = Files.size(path);
        if (size > MAX_BYTES) {
          problems.add(path, 0, null, "The file is " + size + " bytes; a governance file may be at most " + MAX_BYTES
              + " bytes. Is this the right file?");
          continue;
        }
        files.add(new GovernanceFile(path, Files.readAllBytes(path)));
      } catch (IOException e) {
        problems.add(path, 0, null, "The file could not be read: " + e.getMessage() + ".");
      }
    }
    return files;
  }

  /** Hidden files are skipped: editors leave lock and backup files such as .#kpis.yml behind. */
  private static boolean isGovernanceFile(Path path) {
    String name = String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT);
    return (name.endsWith(".yml") || name.endsWith(".yaml")) && !name.startsWith(".") && Files.isRegularFile(path);
  }
}
