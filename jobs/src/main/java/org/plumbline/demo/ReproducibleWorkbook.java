package org.plumbline.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Makes a workbook fastexcel wrote the same bytes whenever the same content is written. The
 * loader knows files by their bytes, so a demo workbook written again with other bytes would be a
 * new version of the same document. fastexcel varies in two places, and neither has a setting:
 * it stamps {@code docProps/core.xml} with the moment it writes, and it lists a sheet's merged
 * ranges in hash order, which differs from one process to the next.
 */
final class ReproducibleWorkbook {

  private static final String CORE_PROPERTIES = "docProps/core.xml";
  private static final Pattern CREATED = Pattern.compile("(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)");
  private static final Pattern MERGED_RANGES = Pattern.compile("(<mergeCells[^>]*>)(.*?)(</mergeCells>)");
  private static final Pattern MERGED_RANGE = Pattern.compile("<mergeCell [^>]*/>");
  /** A fixed entry time, as each entry would otherwise get the time it was zipped; local, so no time zone enters. */
  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

  private ReproducibleWorkbook() {}

  /** Rewrites the workbook {@code file} with {@code created} as its creation time and its merged ranges in order. */
  static void rewrite(Path file, Instant created) throws IOException {
    ByteArrayOutputStream rewritten = new ByteArrayOutputStream((int) Files.size(file) + 256);
    boolean stamped = false;
    // Read by its central directory: fastexcel's local headers leave the sizes to a trailer.
    try (ZipFile in = new ZipFile(file.toFile()); ZipOutputStream out = new ZipOutputStream(rewritten)) {
      for (ZipEntry entry : Collections.list(in.entries())) {
        byte[] content;
        try (InputStream part = in.getInputStream(entry)) {
          content = part.readAllBytes();
        }
        if (entry.getName().equals(CORE_PROPERTIES)) {
          Matcher stamp = CREATED.matcher(new String(content, UTF_8));
          if (stamp.find()) {
            content = stamp.replaceFirst("$1" + created.truncatedTo(ChronoUnit.SECONDS) + "$2").getBytes(UTF_8);
            stamped = true;
          }
        } else if (entry.getName().startsWith("xl/worksheets/")) {
          content = mergedRangesInOrder(new String(content, UTF_8)).getBytes(UTF_8);
        }
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTimeLocal(ENTRY_TIME);
        out.putNextEntry(copy);
        out.write(content);
        out.closeEntry();
      }
    }
    if (!stamped) {
      // A fastexcel that writes the stamp differently must fail here, not make the demo's bytes vary again.
      throw new IllegalStateException("The workbook " + file + " has no creation time in " + CORE_PROPERTIES + " to set.");
    }
    Files.write(file, rewritten.toByteArray());
  }

  private static String mergedRangesInOrder(String sheet) {
    Matcher merged = MERGED_RANGES.matcher(sheet);
    if (!merged.find()) {
      return sheet;
    }
    List<String> ranges = new ArrayList<>();
    Matcher range = MERGED_RANGE.matcher(merged.group(2));
    while (range.find()) {
      ranges.add(range.group());
    }
    Collections.sort(ranges);
    return sheet.substring(0, merged.start(2)) + String.join("", ranges) + sheet.substring(merged.end(2));
  }
}
