package org.plumbline.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.plumbline.governance.Source;

/**
 * Finds a CSV file's header line for a source with {@code header_row: auto}: the first line,
 * among the first {@value #MAX_LINES}, whose fields name every column the source reads (for
 * a source that reads none, the first non-blank line). Report exports often put a title, a
 * date and a blank line above the header; their number changes from one export to the next.
 */
final class CsvHeaderFinder {

  static final int MAX_LINES = 100;

  private CsvHeaderFinder() {}

  /** The header's line number (1 for the first line). */
  static int find(Path file, Source source, Charset charset) throws IOException, FileRejectedException {
    Source.CsvDialect csv = source.csv();
    List<String> wanted = source.columnsRead();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
        charset))) {
      String line;
      for (int number = 1; number <= MAX_LINES && (line = in.readLine()) != null; number++) {
        if (number == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.isBlank()) {
          continue;
        }
        if (fields(line, csv.delimiter().charAt(0), csv.escape().charAt(0)).containsAll(wanted)) {
          return number;
        }
      }
    }
    throw new FileRejectedException("None of its first " + MAX_LINES + " lines is a header naming every column"
        + " source '" + source.id() + "' reads (" + String.join(", ", wanted.stream().map(c -> "\"" + c + "\"")
            .toList()) + "); check the column names in sources.yml or set its header_row.");
  }

  /** The fields of line {@code number} (1 for the first), unquoted and trimmed; empty past the end. */
  static List<String> fieldsOfLine(Path file, Source.CsvDialect csv, Charset charset, int number) throws IOException {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset))) {
      String line = null;
      for (int n = 1; n <= number; n++) {
        line = in.readLine();
        if (line == null) {
          return List.of();
        }
      }
      if (number == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      return fields(line, csv.delimiter().charAt(0), csv.escape().charAt(0));
    }
  }

  /**
   * One line's fields, unquoted and trimmed, split as DuckDB's reader splits them ({@link CsvQuoting}:
   * a quote opens a quoted field only at a field's start, so the inch mark of {@code Ventil 1/2"}
   * is text); a header does not span lines.
   */
  static List<String> fields(String line, char delimiter, char escape) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    CsvQuoting quoting = new CsvQuoting(delimiter, escape);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      boolean wasInQuotes = quoting.inQuotes();
      boolean wasEscaped = quoting.escapePending();
      int what = quoting.character(c);
      if (!wasInQuotes && c == delimiter) {
        fields.add(HeaderCheck.trimmed(field.toString()));
        field.setLength(0);
      } else if (what != CsvQuoting.OPENED && !(wasInQuotes && !quoting.inQuotes())
          && !(wasInQuotes && !wasEscaped && quoting.escapePending())) {
        field.append(c); // not an opening or closing quote, nor an escape: text
      }
    }
    fields.add(HeaderCheck.trimmed(field.toString()));
    return fields;
  }
}
