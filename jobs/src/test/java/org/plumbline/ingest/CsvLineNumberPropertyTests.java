package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every record keeps the line an editor shows it on, whatever mix of blank lines, quoted line
 * breaks (in the header too), lines DuckDB rejects, line endings and empty lines at the end a file
 * has (a quarter of the files end their lines in all three ways, CRLF, LF and a lone CR, which
 * DuckDB reads from a copy with one kind: CsvCopy): seeded random files, each checked
 * against the lines its writer counted while writing it.
 * The loader works the lines out from the line scanner's exceptions (sql/ingest/csv_to_rows.sql),
 * never by counting lines itself, so the two are independent.
 */
class CsvLineNumberPropertyTests {

  private static final String SOURCES = """

      - id: test_lines
        department: QUAL
        kind: self_reported
        format: csv
        files: "lines_*.csv"
        csv: { delimiter: ";", decimal: ",", date_format: "%d.%m.%Y" }
        period: { column: Datum, grain: day }
        metrics:
          - { column: Wert }
    """;

  private static final int FILES = 40;

  @RegisterExtension final IngestHome home = IngestHome.eachTest(SOURCES);

  @Test
  void everyRecordKeepsItsEditorLineInFilesOfEveryShape() throws Exception {
    for (int seed = 0; seed < FILES; seed++) {
      // given a file whose writer noted the line each record starts on
      WrittenFile written = write(new Random(seed), seed);
      Path file = home.deliver("lines_" + seed + ".csv", written.text());

      // when
      FileOutcome outcome = home.load(file);

      // then
      assertThat(outcome.kind()).as("file %d: %s", seed, outcome.reason()).isEqualTo(FileOutcome.Kind.LOADED);
      assertThat(home.query("select r.row_number, r.fields[2] from raw_record r join load_audit a using (load_id)"
          + " where a.file_name = 'lines_" + seed + ".csv' order by r.row_number"))
          .as("loaded rows of file %d", seed).containsExactlyElementsOf(written.loaded());
      assertThat(home.query("select q.row_number from raw_quarantine q where q.file_name = 'lines_" + seed + ".csv'"
          + " order by q.row_number"))
          .as("quarantined rows of file %d", seed).containsExactlyElementsOf(written.rejected());
    }
  }

  /** The file's text, each loaded record's line and value, and each rejected line's number. */
  private record WrittenFile(String text, List<List<Object>> loaded, List<List<Object>> rejected) {}

  private static WrittenFile write(Random random, int seed) {
    LineEndings endings = new LineEndings(random, seed % 4 == 3 ? null : random.nextInt(3) == 0 ? "\r\n" : "\n");
    StringBuilder text = new StringBuilder();
    int line = 1;
    if (random.nextInt(5) == 0) {
      text.append("Datum;Wert;\"Bemer").append(endings.next()).append("kung\"").append(endings.next());
      line += 2;
    } else {
      text.append("Datum;Wert;Bemerkung").append(endings.next());
      line += 1;
    }
    List<List<Object>> loaded = new ArrayList<>();
    List<List<Object>> rejected = new ArrayList<>();
    int records = 1 + random.nextInt(random.nextInt(4) == 0 ? 1500 : 40);
    for (int i = 0; i < records; i++) {
      int shape = random.nextInt(16);
      if (shape == 0) { // a blank line
        text.append(endings.next());
        line++;
        continue;
      }
      String value = seed + "" + i;
      String note = switch (shape) {
        case 1 -> "\"eins" + endings.next() + "zwei\"";
        case 2 -> "\"eins" + endings.next() + endings.next() + "drei\"";
        case 4 -> " \"eins" + endings.next() + "zwei\" "; // one space before the quote: still a quoted field
        case 5 -> "  \"zitiert\""; // two spaces before it: text, quotes and all
        default -> "n" + i;
      };
      String extra = shape == 3 ? ";zu viel" : ""; // a line with a field too many: DuckDB rejects it
      text.append("06.01.2025;").append(value).append(';').append(note).append(extra).append(endings.next());
      if (extra.isEmpty()) {
        loaded.add(List.of(line, value));
      } else {
        rejected.add(List.of(line));
      }
      line += 1 + (shape == 1 || shape == 4 ? 1 : shape == 2 ? 2 : 0);
    }
    for (int blank = random.nextInt(3); blank > 0; blank--) {
      text.append(endings.next());
    }
    return new WrittenFile(text.toString(), loaded, rejected);
  }

  /**
   * Each line break of a file: always the file's one kind, or (mixed) any of CRLF, LF and a lone
   * CR, but never an LF right after a lone CR, which an editor would read as one CRLF break.
   */
  private static final class LineEndings {
    private static final String[] KINDS = {"\n", "\r\n", "\r"};
    private final Random random;
    private final String only;
    private String last = "";

    LineEndings(Random random, String only) {
      this.random = random;
      this.only = only;
    }

    String next() {
      if (only != null) {
        return only;
      }
      last = last.equals("\r") ? KINDS[1 + random.nextInt(2)] : KINDS[random.nextInt(3)];
      return last;
    }
  }
}
