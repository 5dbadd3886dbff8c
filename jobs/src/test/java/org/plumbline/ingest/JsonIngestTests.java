package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * JSON files are read so that each field's text is the file's own, whatever the other records
 * hold, and one odd record costs one quarantined row, never the whole file.
 */
class JsonIngestTests {

  private static final String SOURCES = """

      - id: test_erp_json
        system: ERP
        kind: system_of_record
        format: json
        files: "erp_*.json*"
        period: { column: date, grain: day }
        attributes: { part_id: part, lot_id: lot }
        metrics:
          - { column: qty, name: produced_units }
    """;

  @RegisterExtension final IngestHome home = IngestHome.eachTest(SOURCES);

  @Test
  void aColumnOfStringsAndNumbersKeepsEachTextWithoutQuotes() throws Exception {
    // given part numbers that are strings in one record and a number in another, and a quantity
    // written as a string in one record and as numbers in the others
    Path file = home.deliver("erp_1.json", """
        [{"date": "2025-01-06", "part": "A-100", "lot": "L1", "qty": "12"},
         {"date": "2025-01-07", "part": 4711, "lot": "L2", "qty": 2},
         {"date": "2025-01-08", "part": "B", "lot": "L3", "qty": "none"}]""");

    // when
    FileOutcome outcome = home.load(file);

    // then a string's text is its content and a number's its digits, and "none" is quarantined as text
    assertThat(outcome).extracting(FileOutcome::kind, FileOutcome::rowsRead, FileOutcome::rowsLoaded,
        FileOutcome::rowsQuarantined).containsExactly(FileOutcome.Kind.LOADED, 3L, 2L, 1L);
    assertThat(home.query("select row_number, fields from raw_record order by row_number")).containsExactly(
        List.of(1, List.of("2025-01-06", "A-100", "L1", "12")), List.of(2, List.of("2025-01-07", "4711", "L2", "2")));
    assertThat(home.query("select row_number, part_id, value_text, value from raw_value order by row_number"))
        .containsExactly(List.of(1, "A-100", "12", 12.0), List.of(2, "4711", "2", 2.0));
    assertThat(home.query("select row_number, reason, fields from raw_quarantine")).containsExactly(
        List.of(3, "The value \"none\" in column \"qty\" is not a number.", List.of("2025-01-08", "B", "L3", "none")));
  }

  @Test
  void aRecordsRowIsTheLineItStartsOnWhereEachHasALineOfItsOwn() throws Exception {
    // given a pretty-printed array, JSON Lines with blank lines (CRLF), and an array on one line
    Path pretty = home.deliver("erp_1.json", """
        [
          {
            "date": "2025-01-06", "part": "A", "lot": "L1",
            "qty": 1
          },
          {
            "date": "2025-01-07", "part": "B {not a brace}", "lot": "L2",
            "qty": "n/a"
          }
        ]
        """);
    String record = "{\"date\":\"2025-01-%s\",\"part\":\"C\",\"lot\":\"L\",\"qty\":%s}";
    Path lines = home.deliver("erp_2.jsonl", record.formatted("08", 3) + "\r\n\r\n" + record.formatted("09", 4) + "\r\n");
    Path oneLine = home.deliver("erp_3.json", "[" + record.formatted("10", 5) + "," + record.formatted("11", 6) + "]");

    // when
    List<FileOutcome> outcomes = List.of(home.load(pretty), home.load(lines), home.load(oneLine));

    // then rows (and the quarantined one) carry the editor's line, but records sharing a line keep their numbers
    assertThat(outcomes).extracting(FileOutcome::kind).containsOnly(FileOutcome.Kind.LOADED);
    assertThat(home.query("select a.file_name, r.row_number from raw_record r join load_audit a using (load_id)"
        + " order by a.file_name, r.row_number")).containsExactly(List.of("erp_1.json", 2),
            List.of("erp_2.jsonl", 1), List.of("erp_2.jsonl", 3), List.of("erp_3.json", 1), List.of("erp_3.json", 2));
    assertThat(home.query("select row_number from raw_quarantine")).containsExactly(List.of(6));
  }

  @Test
  void anOddValueOrANewKeyPastDuckDbsTypeSampleCostsOneRowNotTheFile() throws Exception {
    // given 25,000 JSON Lines records (past DuckDB's 20,480-record sample), then "n/a" as a quantity,
    // then a record carrying a key no earlier record had
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 25_000; i++) {
      lines.append("{\"date\":\"2025-01-06\",\"part\":\"P").append(i).append("\",\"qty\":").append(i).append("}\n");
    }
    lines.append("{\"date\":\"2025-01-07\",\"part\":\"X\",\"qty\":\"n/a\"}\n");
    lines.append("{\"date\":\"2025-01-07\",\"part\":\"Z\",\"lot\":\"LZ\",\"qty\":7}\n");
    Path file = home.deliver("erp_1.jsonl", lines.toString());

    // when
    FileOutcome outcome = home.load(file);

    // then the file loads; "n/a" is quarantined by the typing, and the late key is a column like any other
    assertThat(outcome).extracting(FileOutcome::kind, FileOutcome::rowsRead, FileOutcome::rowsLoaded,
        FileOutcome::rowsQuarantined).containsExactly(FileOutcome.Kind.LOADED, 25_002L, 25_001L, 1L);
    assertThat(home.query("select column_names from raw_sheet"))
        .containsExactly(List.of(List.of("date", "part", "qty", "lot")));
    assertThat(home.query("select row_number, reason, fields from raw_quarantine")).containsExactly(
        List.of(25_001, "The value \"n/a\" in column \"qty\" is not a number.", Arrays.asList("2025-01-07", "X", "n/a", null)));
    assertThat(home.query("select part_id, lot_id, value_text from raw_value where row_number in (1, 25002)"
        + " order by row_number")).containsExactly(Arrays.asList("P1", null, "1"), List.of("Z", "LZ", "7"));
  }

  @Test
  void numbersKeepTheTextTheFileWritesThem() throws Exception {
    // given lot numbers past a double's precision and past 64 bits, and quantities written as 1, 2.50, 1e1
    Path file = home.deliver("erp_1.json", """
        [{"date":"2025-01-06","part":"A","lot":12345678901234567891,"qty":1},
         {"date":"2025-01-07","part":"B","lot":98765432109876543210,"qty":2.50},
         {"date":"2025-01-08","part":"C","lot":9007199254740993,"qty":1e1}]""");

    // when
    FileOutcome outcome = home.load(file);

    // then every text is as written, and the typed values are the numbers
    assertThat(outcome).extracting(FileOutcome::kind, FileOutcome::rowsLoaded).containsExactly(FileOutcome.Kind.LOADED, 3L);
    assertThat(home.query("select fields from raw_record order by row_number")).containsExactly(
        List.of(List.of("2025-01-06", "A", "12345678901234567891", "1")),
        List.of(List.of("2025-01-07", "B", "98765432109876543210", "2.50")),
        List.of(List.of("2025-01-08", "C", "9007199254740993", "1e1")));
    assertThat(home.query("select lot_id, value from raw_value order by row_number")).containsExactly(
        List.of("12345678901234567891", 1.0), List.of("98765432109876543210", 2.5), List.of("9007199254740993", 10.0));
  }

  @Test
  void aByteOrderMarkAnEmptyArrayAndAnEmptyFileAreReadForWhatTheyAre() throws Exception {
    // given an array behind a UTF-8 byte-order mark, an empty array, an empty file and one of blanks
    byte[] text = "[{\"date\":\"2025-01-06\",\"part\":\"A\",\"lot\":\"L1\",\"qty\":1}]".getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[text.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, bom, 3, text.length);
    List<Path> files = List.of(home.deliver("erp_1.json", bom), home.deliver("erp_2.json", "[ ]\n"),
        home.deliver("erp_3.json", ""), home.deliver("erp_4.json", " \n\n"));

    // when
    List<FileOutcome> outcomes = new ArrayList<>();
    for (Path f : files) {
      outcomes.add(home.load(f));
    }

    // then the first loads its record, the empty array loads none, and the empty files are rejected saying so
    assertThat(outcomes).extracting(FileOutcome::kind, FileOutcome::rowsRead, FileOutcome::rowsLoaded).containsExactly(
        tuple(FileOutcome.Kind.LOADED, 1L, 1L), tuple(FileOutcome.Kind.LOADED, 0L, 0L),
        tuple(FileOutcome.Kind.REJECTED, 0L, 0L), tuple(FileOutcome.Kind.REJECTED, 0L, 0L));
    assertThat(home.query("select fields from raw_record")).containsExactly(List.of(List.of("2025-01-06", "A", "L1", "1")));
    assertThat(outcomes.get(2).reason()).isEqualTo("The file is empty (0 bytes): it holds no JSON. Ask for the export"
        + " to be written again; a day without records is an empty array, [].");
    assertThat(outcomes.get(3).reason()).isEqualTo("The file holds nothing but white space (3 bytes): there is no"
        + " JSON in it. Ask for the export to be written again; a day without records is an empty array, [].");
  }

  @Test
  void keysDifferingOnlyInCaseAreOneColumnAndARecordWithBothIsQuarantined() throws Exception {
    // given an export writing "qty" in one record, "Qty" in the next, both in a third; and keys no
    // column reads that differ only in case ("id", "Id")
    Path file = home.deliver("erp_1.json", """
        [{"date":"2025-01-06","part":"A","lot":"L1","qty":1,"id":1,"Id":2},
         {"date":"2025-01-07","part":"B","lot":"L2","Qty":2},
         {"date":"2025-01-08","part":"C","lot":"L3","qty":3,"Qty":4}]""");

    // when
    FileOutcome outcome = home.load(file);

    // then the configured column takes either spelling, a record with both is quarantined whole with
    // its JSON text, and the unread keys stay two columns
    assertThat(outcome).extracting(FileOutcome::kind, FileOutcome::rowsRead, FileOutcome::rowsLoaded,
        FileOutcome::rowsQuarantined).containsExactly(FileOutcome.Kind.LOADED, 3L, 2L, 1L);
    assertThat(home.query("select column_names from raw_sheet"))
        .containsExactly(List.of(List.of("date", "part", "lot", "qty", "id", "Id")));
    assertThat(home.query("select row_number, value_text from raw_value order by row_number"))
        .containsExactly(List.of(1, "1"), List.of(2, "2"));
    assertThat(home.query("select row_number, reason, fields from raw_quarantine")).containsExactly(List.of(3,
        "The record has the keys qty and Qty, which name one column (keys are matched to the columns the source reads"
            + " regardless of case), so which value it means is unclear.",
        List.of("{\"date\":\"2025-01-08\",\"part\":\"C\",\"lot\":\"L3\",\"qty\":3,\"Qty\":4}")));
  }

  @Test
  void unreadableJsonIsRejectedSayingWhereAndWhatInWords() throws Exception {
    // given an array cut off in its third record, JSON Lines whose first line is no JSON and whose
    // second is unfinished (so most of its lines are no records), and records wrapped in an object under "data"
    Path cut = home.deliver("erp_1.json", "[{\"date\":\"2025-01-06\",\"qty\":1},\n{\"date\":\"2025-01-07\",\"qty\":2},\n"
        + "{\"date\":\"2025-01-08\",\"qty");
    Path lines = home.deliver("erp_2.jsonl", "{\"date\":\"2025-01-06\",\"qty\":1}\n\n{\"date\":\"2025-01-07\",\"qty\":2}x\n"
        + "{\"date\":\"2025-01-08\",\n");
    Path wrapped = home.deliver("erp_3.json", "{\"meta\":{\"exported\":\"2025-01-08\"},\"data\":"
        + "[{\"date\":\"2025-01-06\",\"part\":\"A\",\"lot\":\"L1\",\"qty\":1}]}");

    // when
    List<FileOutcome> outcomes = List.of(home.load(cut), home.load(lines), home.load(wrapped));

    // then each is rejected naming the record (and the line an editor shows) and the problem, no DuckDB words, no path
    assertThat(outcomes).extracting(FileOutcome::reason).containsExactly(
        "It is not valid JSON: record 3 ends before its JSON is complete (a quote, brace or bracket is missing, or the"
            + " file is cut off). Ask for the export to be written again.",
        "It is not valid JSON: line 3 (record 2) has text after the end of its JSON value. Ask for the export to be"
            + " written again.",
        "Its records are wrapped in an object, in an array under the key \"data\": only an array of objects, or JSON"
            + " Lines (one object a line), is read. Ask for the export to write the records themselves, then put the"
            + " file back in the inbox.");
    assertThat(home.query("select count(*) from raw_record")).containsExactly(List.of(0L));
  }

  @Test
  void aMalformedLineOfJsonLinesIsQuarantinedWithItsTextAndTheOtherLinesLoad() throws Exception {
    // given JSON Lines (CRLF, a blank line) with a stray character after a record, bytes that are
    // not UTF-8, and a last line cut off mid-record, among four whole records
    String record = "{\"date\":\"2025-01-%s\",\"part\":\"A\",\"lot\":\"L1\",\"qty\":%s}";
    byte[] notUtf8 = "{\"date\":\"2025-01-09\",\"part\":\"\u00c4\",\"lot\":\"L1\",\"qty\":9}"
        .getBytes(StandardCharsets.ISO_8859_1);
    Path file = home.deliver("erp_1.jsonl", concat(
        (record.formatted("06", 1) + "\r\n" + record.formatted("07", 2) + "x\r\n\r\n" + record.formatted("08", 3) + "\r\n")
            .getBytes(StandardCharsets.UTF_8),
        notUtf8,
        ("\r\n" + record.formatted("10", 4) + "\r\n" + record.formatted("11", 5) + "\r\n{\"date\":\"2025-01-12\",\"qt")
            .getBytes(StandardCharsets.UTF_8)));

    // when
    FileOutcome outcome = home.load(file);

    // then every whole record loads on its line, and each bad line is quarantined with its line, its text and why
    assertThat(outcome).extracting(FileOutcome::kind, FileOutcome::rowsRead, FileOutcome::rowsLoaded,
        FileOutcome::rowsQuarantined).containsExactly(FileOutcome.Kind.LOADED, 7L, 4L, 3L);
    assertThat(home.query("select row_number, value from raw_value order by row_number")).containsExactly(
        List.of(1, 1.0), List.of(4, 3.0), List.of(6, 4.0), List.of(7, 5.0));
    assertThat(home.query("select row_number, reason, fields from raw_quarantine order by row_number")).containsExactly(
        List.of(2, "The line is not valid JSON: it has text after the end of its JSON value.",
            List.of(record.formatted("07", 2) + "x")),
        List.of(5, "The line is not valid JSON: it holds bytes that are not UTF-8 text (shown here as \uFFFD).",
            List.of(new String(notUtf8, StandardCharsets.UTF_8))),
        List.of(8, "The line is not valid JSON: it ends before its JSON is complete (a quote, brace or bracket is"
            + " missing, or the file is cut off).", List.of("{\"date\":\"2025-01-12\",\"qt")));
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
