package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of ../shared/corpora (real files nobody here wrote, many hostile) goes through
 * the loader: each is loaded with conservation holding or rejected with a reason, never a
 * crash, a hang or silent loss. Each file gets 30 seconds; the build gives the test JVM a
 * bounded heap (jobs/pom.xml, surefire argLine). The sources are rows_only: this proves the
 * reading, not a column map. Skipped, saying so, where the corpora folder is absent.
 */
class CorpusIngestTests {

  private static final Path CORPORA = Path.of("..", "..", "shared", "corpora").toAbsolutePath().normalize();

  /**
   * Valid files Plumbline rejects by policy, with the reason: the workbook readers take
   * transitional OOXML (.xlsx) and BIFF8 (.xls), not the binary .xlsb.
   */
  private static final Set<String> REJECTED_BY_POLICY = Set.of("xlsb");

  /**
   * Known gaps, kept visible here until fixed: none. (ARROW-RS-GH-6229-LEVELS.parquet, which
   * DuckDB reads as one row without an error, is now rejected by ParquetPageCheck.)
   */
  private static final Set<String> KNOWN_GAPS = Set.of();

  /** Files whose rejection must name a particular problem, beyond "rejected with a reason". */
  private static final Map<String, String> REJECTED_BECAUSE = Map.of(
      "parquet/bad_data/ARROW-RS-GH-6229-LEVELS.parquet",
      "Its column 'outer.list.item.c' in row group 0 declares 1 values, but its data pages declare 21");

  /**
   * Files that must load whole, with the rows read: lines ending in more than one way, on which
   * DuckDB's own dialect detection gives up (CsvCopy). The first line is the header.
   */
  private static final Map<String, Long> LOADED_WITH_ROWS = Map.of(
      "csv/mixed_new_line.csv", 2L,
      "csv/test/mixed_line_endings.csv", 2L);

  /**
   * CSV files in the backslash dialect (\" inside a quoted field): an operator gives their
   * source csv: { escape: "\\" }, and every line then loads, none quarantined.
   */
  private static final Set<String> BACKSLASH_DIALECT = Set.of("csv/auto/backslash_escape.csv", "csv/bad_escape.csv");

  private static final String SOURCES = """

      - { id: corpus_comma, system: CORPUS, kind: system_of_record, format: csv, files: "*.corpus-comma",
          csv: { delimiter: "," }, shape: rows_only }
      - { id: corpus_semicolon, system: CORPUS, kind: system_of_record, format: csv, files: "*.corpus-semicolon",
          csv: { delimiter: ";" }, shape: rows_only }
      - { id: corpus_tab, system: CORPUS, kind: system_of_record, format: csv, files: "*.corpus-tab",
          csv: { delimiter: tab }, shape: rows_only }
      - { id: corpus_pipe, system: CORPUS, kind: system_of_record, format: csv, files: "*.corpus-pipe",
          csv: { delimiter: "|" }, shape: rows_only }
      - { id: corpus_comma_backslash, system: CORPUS, kind: system_of_record, format: csv,
          files: "*.corpus-comma-backslash", csv: { delimiter: ",", escape: "\\\\" }, shape: rows_only }
      - { id: corpus_pipe_backslash, system: CORPUS, kind: system_of_record, format: csv,
          files: "*.corpus-pipe-backslash", csv: { delimiter: "|", escape: "\\\\" }, shape: rows_only }
      - { id: corpus_json, system: CORPUS, kind: system_of_record, format: json, files: "*.corpus-json",
          shape: rows_only }
      - { id: corpus_parquet, system: CORPUS, kind: system_of_record, format: parquet, files: "*.corpus-parquet",
          shape: rows_only }
      - { id: corpus_xlsx, system: CORPUS, kind: system_of_record, format: xlsx, files: "*.corpus-xlsx",
          shape: rows_only, header_row: auto }
    """;

  @TempDir static Path root;
  private static IngestHome home;

  @BeforeAll
  static void open() throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(CORPORA.resolve("MANIFEST.tsv")),
        "Skipped: the shared corpora are not at " + CORPORA + " (CI has them beside the checkout).");
    home = new IngestHome(root, SOURCES);
  }

  @AfterAll
  static void close() {
    if (home != null) {
      home.close();
    }
  }

  record Entry(String path, String expectation, String note) {}

  @TestFactory
  Stream<DynamicTest> everyCorpusFileIsLoadedOrRejectedWithAReason() throws Exception {
    Assumptions.assumeTrue(home != null);
    List<Entry> entries = new ArrayList<>();
    for (String line : Files.readAllLines(CORPORA.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8).subList(1,
        Files.readAllLines(CORPORA.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8).size())) {
      String[] f = line.split("\t", -1);
      entries.add(new Entry(f[0], f[6], f[7]));
    }
    int[] n = {0};
    return entries.stream().map(e -> DynamicTest.dynamicTest(e.expectation() + " " + e.path(),
        () -> assertTimeoutPreemptively(Duration.ofSeconds(30), () -> check(e, ++n[0]))));
  }

  private static void check(Entry entry, int index) throws Exception {
    Path original = CORPORA.resolve(entry.path());
    String extension = extension(original.getFileName().toString());
    String kind = kind(extension, original) + (BACKSLASH_DIALECT.contains(entry.path()) ? "-backslash" : "");
    // The original name is kept (brackets, spaces, %20, non-ASCII); the suffix picks the source.
    Path delivered = home.deliver(index + "-" + original.getFileName() + "." + kind, Files.readAllBytes(original));

    FileOutcome outcome = home.load(delivered);
    if (REJECTED_BECAUSE.containsKey(entry.path())) {
      assertThat(outcome.kind()).as("outcome of %s", entry.path()).isEqualTo(FileOutcome.Kind.REJECTED);
    }
    if (LOADED_WITH_ROWS.containsKey(entry.path())) {
      assertThat(List.of(outcome.kind(), outcome.rowsRead(), outcome.rowsLoaded())).as("outcome of %s: %s",
          entry.path(), outcome.reason()).containsExactly(FileOutcome.Kind.LOADED, LOADED_WITH_ROWS.get(entry.path()),
          LOADED_WITH_ROWS.get(entry.path()));
    }
    if (KNOWN_GAPS.contains(entry.path())) {
      return;
    }

    assertThat(outcome.kind()).as("outcome").isIn(FileOutcome.Kind.LOADED, FileOutcome.Kind.REJECTED,
        FileOutcome.Kind.DUPLICATE);
    if (outcome.kind() == FileOutcome.Kind.REJECTED) {
      assertThat(outcome.reason()).as("reason").isNotBlank().doesNotContain("\tat ")
          .contains(REJECTED_BECAUSE.getOrDefault(entry.path(), ""));
      assertThat(entry.expectation()).as("a valid file was rejected: %s", outcome.reason())
          .isNotEqualTo(REJECTED_BY_POLICY.contains(extension) ? "none" : "valid");
      assertThat(home.query("select count(*) from raw_row r join load_audit a using (load_id) where a.file_name = ?",
          delivered.getFileName().toString())).containsExactly(List.of(0L));
    } else if (outcome.kind() == FileOutcome.Kind.LOADED) {
      // A CSV line that does not split into the header's fields is quarantined, not fatal:
      // DuckDB's strict reading calls such a file invalid; Plumbline loads the rest.
      if (entry.expectation().equals("invalid")) {
        assertThat(outcome.rowsQuarantined()).as("an invalid file was loaded without quarantine").isPositive();
      }
      assertThat(outcome.rowsRead()).isEqualTo(outcome.rowsLoaded() + outcome.rowsSkipped()
          + outcome.rowsQuarantined());
      if (BACKSLASH_DIALECT.contains(entry.path())) {
        assertThat(List.of(outcome.rowsRead(), outcome.rowsQuarantined())).as("backslash dialect")
            .containsExactly(2L, 0L);
      }
    }
  }

  private static String kind(String extension, Path file) throws Exception {
    return switch (extension) {
      case "xlsx", "xls", "xlsm", "xltx", "xlsb" -> "corpus-xlsx";
      case "json", "ndjson", "gz" -> "corpus-json";
      case "parquet", "encrypted" -> "corpus-parquet";
      default -> "corpus-" + delimiter(file);
    };
  }

  /** What an operator would write in the source: the commonest separator on the first line. */
  private static String delimiter(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    int end = 0;
    while (end < bytes.length && bytes[end] != '\n') {
      end++;
    }
    String first = new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
    String[] names = {"comma", "semicolon", "tab", "pipe"};
    char[] chars = {',', ';', '\t', '|'};
    int best = 0;
    long bestCount = -1;
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      long count = first.chars().filter(x -> x == c).count();
      if (count > bestCount) {
        best = i;
        bestCount = count;
      }
    }
    return names[best];
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
