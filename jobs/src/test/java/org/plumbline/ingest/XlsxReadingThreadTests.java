package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An XLSX sheet is parsed on a thread of its own while the loading thread appends
 * ({@link PrefetchedSheetRows}). These load real workbooks longer than the hand-over queue
 * holds, and make the loading side fail part-way, to show that no row is lost or shifted, that
 * a failure rejects the file as before, and that the parsing thread never outlives the load.
 */
class XlsxReadingThreadTests {

  private static final String SOURCES = """

      - { id: long_sheet, system: LONG, kind: system_of_record, format: xlsx, files: "long_sheet*.xlsx",
          shape: rows_only, header_row: 1 }
    """;

  /**
   * More rows than the queue between the threads holds, twice over past the rejected cell, so the
   * parsing thread must wait for the loading one, and would wait for ever if nobody stopped it.
   */
  private static final int ROWS = (2 * PrefetchedSheetRows.QUEUE_BATCHES + 6) * PrefetchedSheetRows.BATCH_ROWS + 17;

  @RegisterExtension final IngestHome home = IngestHome.eachTest(SOURCES);

  @Test
  void aSheetLongerThanTheHandOverQueueLoadsEveryRowAtItsExcelRow() throws Exception {
    // given a sheet of many batches with a blank row in its middle
    int blankRow = 5 * PrefetchedSheetRows.BATCH_ROWS + 3;
    Path file = home.deliver("long_sheet.xlsx", workbook(blankRow, -1));

    // when
    FileOutcome outcome = home.load(file);

    // then every row but the blank one is in the ledger, with its own texts at the row Excel shows
    assertThat(outcome.reason()).isNull();
    assertThat(outcome.rowsLoaded()).isEqualTo(ROWS - 1);
    assertThat(home.query("select count(*) from raw_record where fields <> ['r' || row_number, (row_number * 3)::varchar]"))
        .containsExactly(List.of(0L));
    assertThat(home.query("select min(row_number), max(row_number) from raw_record"))
        .containsExactly(List.of(2, ROWS + 1));
    assertThat(home.query("select count(*) from raw_record where row_number = ?", blankRow + 1))
        .containsExactly(List.of(0L));
    assertThat(readingThreadsAlive()).isFalse();
  }

  @Test
  void aRejectedCellLateInTheSheetRejectsTheFileStopsTheReadingAndLoadsNothing() throws Exception {
    // given a sheet whose cell far down holds more text than Excel allows, while many rows follow it
    int badRow = 3 * PrefetchedSheetRows.BATCH_ROWS;
    Path file = home.deliver("long_sheet_bad.xlsx", workbook(-1, badRow));

    // when the loading thread rejects that cell while the parsing thread is still ahead of it
    FileOutcome outcome = home.load(file);

    // then the file is rejected with the cell named, nothing of it is loaded, and no thread is left reading
    assertThat(outcome.kind()).isEqualTo(FileOutcome.Kind.REJECTED);
    assertThat(outcome.reason()).contains("The cell A" + (badRow + 1)).contains("more than Excel allows");
    assertThat(home.query("select count(*) from raw_record")).containsExactly(List.of(0L));
    assertThat(readingThreadsAlive()).isFalse();
  }

  @Test
  void aSheetThatBreaksOffMidwayIsRejectedWithTheParsersReason() throws Exception {
    // given a workbook whose sheet XML stops in the middle of a row (a truncated download)
    byte[] whole = workbook(-1, -1);
    Path file = home.deliver("long_sheet_cut.xlsx", withSheetCut(whole, 0.6));

    // when
    FileOutcome outcome = home.load(file);

    // then the file is rejected as unreadable, nothing is loaded, and no thread is left reading
    assertThat(outcome.kind()).isEqualTo(FileOutcome.Kind.REJECTED);
    assertThat(outcome.reason()).startsWith("It is not a readable XLSX workbook");
    assertThat(home.query("select count(*) from raw_record")).containsExactly(List.of(0L));
    assertThat(readingThreadsAlive()).isFalse();
  }

  @Test
  void rowsWithoutTheirNumberInTheXmlAreTheRowsAfterTheOneBefore() throws Exception {
    // given the workbook with the optional row and cell numbers left out after the 10th row,
    // as some streaming writers do (Excel shows each such row below the one before)
    byte[] numbered = workbook(-1, -1);
    Path file = home.deliver("long_sheet_unnumbered.xlsx", withSheet(numbered, part -> {
      String xml = new String(part, java.nio.charset.StandardCharsets.UTF_8);
      int tenth = xml.indexOf("<row r=\"11\"");
      return (xml.substring(0, tenth) + xml.substring(tenth).replaceAll(" r=\"[A-Z]*\\d+\"", ""))
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }));

    // when
    FileOutcome outcome = home.load(file);

    // then every row is at the row Excel shows, with its own texts, the header found in row 1
    assertThat(outcome.reason()).isNull();
    assertThat(outcome.rowsLoaded()).isEqualTo(ROWS);
    assertThat(home.query("select count(*) from raw_record where fields <> ['r' || row_number, (row_number * 3)::varchar]"))
        .containsExactly(List.of(0L));
    assertThat(home.query("select min(row_number), max(row_number) from raw_record"))
        .containsExactly(List.of(2, ROWS + 1));
  }

  private static boolean readingThreadsAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.isAlive() && t.getName().startsWith("xlsx-rows-"));
  }

  /** ROWS rows of two columns, row r holding "r" + r and r * 3; -1 leaves out the blank or the oversized cell. */
  private static byte[] workbook(int blankRow, int oversizedRow) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook wb = new Workbook(out, "test", "1.0");
    Worksheet ws = wb.newWorksheet("Rows");
    ws.value(0, 0, "c1");
    ws.value(0, 1, "c2");
    for (int r = 1; r <= ROWS; r++) {
      if (r == blankRow) {
        continue;
      }
      ws.value(r, 0, r == oversizedRow ? "x".repeat(SheetRowSink.MAX_CELL_CHARS + 1) : "r" + (r + 1));
      ws.value(r, 1, String.valueOf((r + 1) * 3));
    }
    wb.finish();
    return out.toByteArray();
  }

  /** The same workbook with its first sheet's XML cut off at the given fraction of its length. */
  private byte[] withSheetCut(byte[] xlsx, double fraction) throws Exception {
    return withSheet(xlsx, part -> java.util.Arrays.copyOf(part, (int) (part.length * fraction)));
  }

  /** The same workbook with its first sheet's XML changed. */
  private byte[] withSheet(byte[] xlsx, java.util.function.UnaryOperator<byte[]> change) throws Exception {
    Path whole = home.root().resolve("whole.xlsx"); // read through the central directory: the writer streams its entries
    java.nio.file.Files.write(whole, xlsx);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipFile in = new ZipFile(whole.toFile()); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry entry : java.util.Collections.list(in.entries())) {
        byte[] part = in.getInputStream(entry).readAllBytes();
        if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
          part = change.apply(part);
        }
        zip.putNextEntry(new ZipEntry(entry.getName()));
        zip.write(part);
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
