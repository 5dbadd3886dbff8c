package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Header names are read as a person reads them: a no-break space around a name is no part of it;
 * and a header that names a column the source reads twice is ambiguous (reading the first would
 * silently leave out the other's values), so the file is rejected saying which columns.
 */
class HeaderNamesIngestTests {

  private static final String SOURCES = """

      - id: test_csv
        department: QUAL
        kind: self_reported
        format: csv
        files: "dup_*.csv"
        csv: { delimiter: ";", decimal: "," }
        period: { column: Datum, grain: day }
        metrics:
          - { column: Menge }

      - id: test_xlsx
        department: QUAL
        kind: self_reported
        format: xlsx
        files: "dup_*.xlsx"
        period: { column: Datum, grain: day }
        metrics:
          - { column: Menge }
    """;

  @RegisterExtension final IngestHome home = IngestHome.eachTest(SOURCES);

  @Test
  void aNoBreakSpaceAroundAHeaderNameIsNoPartOfIt() throws Exception {
    // given headers pasted from a web page: "Menge" followed by a no-break space
    Path csv = home.deliver("dup_3.csv", "Datum;Menge\u00a0\n2025-01-06;5\n");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Workbook wb = new Workbook(bytes, "test", "1.0");
    Worksheet ws = wb.newWorksheet("Daten");
    ws.value(0, 0, "\u00a0Datum");
    ws.value(0, 1, "Menge\u00a0");
    ws.value(1, 0, "2025-01-07");
    ws.value(1, 1, 6);
    wb.finish();
    Path xlsx = home.deliver("dup_4.xlsx", bytes.toByteArray());

    // when
    List<FileOutcome> outcomes = List.of(home.load(csv), home.load(xlsx));

    // then both load, under the names the config uses
    assertThat(outcomes).extracting(FileOutcome::kind, FileOutcome::rowsLoaded)
        .containsOnly(org.assertj.core.groups.Tuple.tuple(FileOutcome.Kind.LOADED, 1L));
    assertThat(home.query("select row_number, column_name, value from raw_value order by value"))
        .containsExactly(List.of(2, "Menge", 5.0), List.of(2, "Menge", 6.0));
  }

  @Test
  void aColumnTheSourceReadsNamedTwiceRejectsTheFile() throws Exception {
    // given a CSV file and a workbook whose header has "Menge" twice (once in other case and spacing)
    Path csv = home.deliver("dup_1.csv", "Datum;Menge;Einheit;menge \n2025-01-06;1;kg;99\n");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Workbook wb = new Workbook(bytes, "test", "1.0");
    Worksheet ws = wb.newWorksheet("Daten");
    List<String> header = List.of("Datum", "Menge", "Einheit", "Menge");
    for (int c = 0; c < header.size(); c++) {
      ws.value(0, c, header.get(c));
    }
    ws.value(1, 0, "2025-01-06");
    ws.value(1, 1, 1);
    ws.value(1, 3, 99);
    wb.finish();
    Path xlsx = home.deliver("dup_2.xlsx", bytes.toByteArray());

    // when
    List<FileOutcome> outcomes = List.of(home.load(csv), home.load(xlsx));

    // then
    assertThat(outcomes).extracting(FileOutcome::kind).containsOnly(FileOutcome.Kind.REJECTED);
    assertThat(outcomes.get(0).reason()).isEqualTo("The header (line 1) names the column \"Menge\" 2 times"
        + " (columns 2, 4), so which one source 'test_csv' reads is ambiguous. Rename all but one in the file,"
        + " then put it back in the inbox.");
    assertThat(outcomes.get(1).reason()).isEqualTo("The header (sheet 'Daten', row 1) names the column \"Menge\""
        + " 2 times (columns 2, 4), so which one source 'test_xlsx' reads is ambiguous. Rename all but one in the"
        + " file, then put it back in the inbox.");
    assertThat(home.query("select count(*) from raw_record")).containsExactly(List.of(0L));
  }
}
