package org.plumbline.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.plumbline.system.PlumblineHome;

/**
 * Moves a file out of the inbox into the archive, duplicates or rejected folder: a rename where
 * the folders share a file system, else (an inbox that is a mounted share) a copy forced to disk
 * under a temporary name, renamed into place, and only then the original deleted, so the target
 * is whole or absent whenever the run stops.
 */
final class InboxMove {

  private static final String PARTIAL_PREFIX = ".moving-";
  private static final String PARTIAL_SUFFIX = ".part";

  private InboxMove() {}

  static void move(Path from, Path to) {
    try {
      Files.createDirectories(to.getParent());
      try {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Path partial = Files.createTempFile(to.getParent(), PARTIAL_PREFIX, PARTIAL_SUFFIX);
        Files.copy(from, partial, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel written = FileChannel.open(partial, StandardOpenOption.WRITE)) {
          written.force(true);
        }
        Files.move(partial, to, StandardCopyOption.ATOMIC_MOVE);
        Files.delete(from);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not move " + from + " to " + to + ": " + e.getMessage(), e);
    }
  }

  /**
   * Deletes the temporary copies a run left when it stopped in the middle of a move by copy, and
   * returns them. Such a copy is never the only one: the original stays in the inbox until the
   * copy has been renamed into place, so the next run moves it again (or, if its load committed,
   * finishes archiving it). Call only while no move runs: at the start of an ingest step, whose
   * process alone writes the warehouse and so is the only one moving files.
   */
  static List<Path> removeUnfinishedCopies(PlumblineHome home) {
    List<Path> removed = new ArrayList<>();
    for (Path folder : List.of(home.archive(), home.archive().resolve("duplicates"), home.rejected())) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> entries = Files.list(folder)) {
        for (Path entry : entries.filter(InboxMove::isUnfinishedCopy).toList()) {
          Files.delete(entry);
          removed.add(entry);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Could not remove the unfinished copies in " + folder + ": " + e.getMessage(), e);
      }
    }
    return removed;
  }

  private static boolean isUnfinishedCopy(Path entry) {
    String name = entry.getFileName().toString();
    return name.startsWith(PARTIAL_PREFIX) && name.endsWith(PARTIAL_SUFFIX) && Files.isRegularFile(entry);
  }
}
