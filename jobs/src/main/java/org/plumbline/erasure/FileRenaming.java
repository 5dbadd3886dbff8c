package org.plumbline.erasure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * Renames the kept files whose NAME holds the person's name ("complaint_Jörg_Lindner.json"
 * becomes "complaint_[erased].json"): a file name is data too, and the ledger's paths must keep
 * pointing at the file, so every rename is returned for {@link LedgerErasure#renameFiles}. The
 * content is erased before, by {@link FileErasure}. A rename that would land on an existing
 * file gets a counter ("complaint_[erased]-2.json"); the modification time (for archived
 * files: when the file arrived) moves with the file.
 */
final class FileRenaming {

  /**
   * One file renamed.
   *
   * @param from the path it had, relative to the home folder
   * @param to the path it has now, relative to the home folder
   */
  record Renamed(String from, String to) {}

  private final Path home;
  private final Person person;

  FileRenaming(Path home, Person person) {
    this.home = home;
    this.person = person;
  }

  /** Renames every file under {@code folder} (recursively) whose name holds the name. */
  List<Renamed> rename(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Path> named;
    try (Stream<Path> walk = Files.walk(folder)) {
      named = walk.filter(Files::isRegularFile)
          .filter(f -> person.inText().matcher(f.getFileName().toString()).find())
          .sorted().toList();
    }
    List<Renamed> renamed = new ArrayList<>();
    for (Path file : named) {
      Path target = free(file.resolveSibling(erasedName(file.getFileName().toString())));
      Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
      renamed.add(new Renamed(relative(file), relative(target)));
    }
    return renamed;
  }

  /** The file name with each occurrence of the name replaced by the marker. */
  String erasedName(String fileName) {
    return person.inText().matcher(fileName).replaceAll(Matcher.quoteReplacement(Person.MARKER));
  }

  /** The target itself, or with -2, -3 … before its extension when that name is taken. */
  private static Path free(Path target) {
    String name = target.getFileName().toString();
    int dot = name.indexOf('.', name.lastIndexOf(Person.MARKER) + Person.MARKER.length());
    String stem = dot < 0 ? name : name.substring(0, dot);
    String extension = dot < 0 ? "" : name.substring(dot);
    Path free = target;
    for (int n = 2; Files.exists(free); n++) {
      free = target.resolveSibling(stem + "-" + n + extension);
    }
    return free;
  }

  private String relative(Path file) {
    return home.relativize(file).toString();
  }
}
