package org.plumbline.demo;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@link DemoInboxGenerator} wrote: every file with its source and delivery time, and
 * per source id the number of data rows (header, title and totals rows not counted).
 */
public record GeneratedInbox(Map<String, Integer> rowsBySource, List<GeneratedFile> files) {

  /** One generated file; {@code receivedAt} is also its last-modified time. */
  public record GeneratedFile(String sourceId, Path path, int rows, Instant receivedAt) {}

  public List<Path> paths() {
    return files.stream().map(GeneratedFile::path).toList();
  }

  public List<GeneratedFile> files(String sourceId) {
    return files.stream().filter(f -> f.sourceId().equals(sourceId)).toList();
  }
}
