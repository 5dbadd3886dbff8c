package org.plumbline.ingest;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.governance.Source;

/** Finds the one source whose file pattern matches a file name in the inbox. */
final class SourceMatcher {

  private record Candidate(Source source, PathMatcher matcher) {}

  private final List<Candidate> candidates;

  SourceMatcher(GovernanceModel model) {
    this.candidates = model.sources().stream()
        .map(s -> new Candidate(s, FileSystems.getDefault().getPathMatcher("glob:" + s.filePattern())))
        .toList();
  }

  Source sourceFor(String fileName) throws FileRejectedException {
    Path name = Path.of(fileName);
    List<Source> matches = candidates.stream().filter(c -> c.matcher().matches(name)).map(Candidate::source).toList();
    if (matches.isEmpty()) {
      throw new FileRejectedException("No source in sources.yml matches this file name; add a source whose "
          + "'files' pattern matches it, then put the file back in the inbox.");
    }
    if (matches.size() > 1) {
      throw new FileRejectedException("Several sources in sources.yml match this file name ("
          + String.join(", ", matches.stream().map(Source::id).toList())
          + "); make their 'files' patterns distinct, then put the file back in the inbox.");
    }
    return matches.get(0);
  }
}
