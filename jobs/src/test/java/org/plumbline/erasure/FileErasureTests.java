package org.plumbline.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A name erased from each kind of kept file, in its own encoding, with everything else left as it was. */
class FileErasureTests {

  private final Person person = new Person("  jörg   LINDNER ");

  @Test
  void latin1AndUtf16CsvKeepTheirEncodingAndArrivalTime(@TempDir Path dir) throws Exception {
    // given a Latin-1 CSV and a UTF-16LE CSV with a byte order mark, arrived long ago
    Path latin1 = dir.resolve("a.csv");
    Files.write(latin1, "Kontakt;Menge\nJörg Lindner;5\nAnja Wiese;7\n".getBytes(StandardCharsets.ISO_8859_1));
    Path utf16 = dir.resolve("b.csv");
    Files.write(utf16, ("\uFEFFKontakt;Notiz\nX;Rückruf an JÖRG LINDNER\n").getBytes(StandardCharsets.UTF_16LE));
    FileTime arrived = FileTime.from(Instant.parse("2025-03-01T08:00:00Z"));
    Files.setLastModifiedTime(latin1, arrived);

    // when
    long inLatin1 = new FileErasure(person).erase(latin1);
    long inUtf16 = new FileErasure(person).erase(utf16);

    // then
    assertThat(inLatin1).isEqualTo(1);
    assertThat(Files.readAllBytes(latin1)).isEqualTo(
        "Kontakt;Menge\n[erased];5\nAnja Wiese;7\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(Files.getLastModifiedTime(latin1)).isEqualTo(arrived);
    assertThat(inUtf16).isEqualTo(1);
    assertThat(Files.readAllBytes(utf16)).isEqualTo(
        "\uFEFFKontakt;Notiz\nX;Rückruf an [erased]\n".getBytes(StandardCharsets.UTF_16LE));
  }

  @Test
  void utf16WithoutAByteOrderMarkIsToldByItsZeroBytes(@TempDir Path dir) throws Exception {
    // given UTF-16 CSV files in either byte order without a mark, which the loader reads (CsvCharset)
    String text = "Kontakt;Notiz\r\nX;Rückruf an JÖRG LINDNER\r\n";
    Path little = dir.resolve("le.csv");
    Files.write(little, text.getBytes(StandardCharsets.UTF_16LE));
    Path big = dir.resolve("be.csv");
    Files.write(big, text.getBytes(StandardCharsets.UTF_16BE));

    // when
    long inLittle = new FileErasure(person).erase(little);
    long inBig = new FileErasure(person).erase(big);

    // then
    String erased = "Kontakt;Notiz\r\nX;Rückruf an [erased]\r\n";
    assertThat(List.of(inLittle, inBig)).containsExactly(1L, 1L);
    assertThat(Files.readAllBytes(little)).isEqualTo(erased.getBytes(StandardCharsets.UTF_16LE));
    assertThat(Files.readAllBytes(big)).isEqualTo(erased.getBytes(StandardCharsets.UTF_16BE));
  }

  @Test
  void jsonWithEscapedLettersAndAFileWithoutTheNameIsUntouched(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("c.json");
    Files.writeString(json, "[{\"contact\":\"J\\u00f6rg Lindner\"},{\"contact\":\"Jörg Lindner\"}]");
    Path other = dir.resolve("d.json");
    Files.writeString(other, "[{\"contact\":\"Anja Wiese\"}]");
    FileTime before = Files.getLastModifiedTime(other);

    assertThat(new FileErasure(person).erase(json)).isEqualTo(2);
    assertThat(Files.readString(json)).isEqualTo("[{\"contact\":\"[erased]\"},{\"contact\":\"[erased]\"}]");
    assertThat(new FileErasure(person).erase(other)).isZero();
    assertThat(Files.getLastModifiedTime(other)).isEqualTo(before);
  }

  @Test
  void aWorkbookStaysReadableWithTheNameGoneFromItsCells(@TempDir Path dir) throws Exception {
    // given a workbook with the name in a cell, twice in one text, and another cell
    Path xlsx = dir.resolve("e.xlsx");
    try (OutputStream out = Files.newOutputStream(xlsx)) {
      Workbook workbook = new Workbook(out, "test", "1.0");
      Worksheet sheet = workbook.newWorksheet("Schicht");
      sheet.value(0, 0, "Operator");
      sheet.value(1, 0, "Jörg Lindner");
      sheet.value(2, 0, "Jörg Lindner & Jörg Lindner");
      sheet.value(3, 0, "Anja Wiese");
      workbook.finish();
    }

    // when
    long occurrences = new FileErasure(person).erase(xlsx);

    // then
    assertThat(occurrences).isEqualTo(3);
    try (ReadableWorkbook read = new ReadableWorkbook(xlsx.toFile())) {
      assertThat(read.getFirstSheet().read()).extracting(row -> row.getCellText(0))
          .containsExactly("Operator", "[erased]", "[erased] & [erased]", "Anja Wiese");
    }
  }

  @Test
  void aParquetFileIsRewrittenWithItsTypesAndOtherValues(@TempDir Path dir) throws Exception {
    Path parquet = dir.resolve("f.parquet");
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = duckdb.createStatement()) {
      s.execute("copy (select * from (values (1, 'LOT-1', 'jörg lindner', 2.5::double), (2, 'LOT-2', 'Anja Wiese', 3.0))"
          + " t(n, lot_id, inspector, qty)) to '" + parquet + "' (format parquet)");

      long rows = new ParquetErasure(duckdb, person).erase(parquet);

      assertThat(rows).isEqualTo(1);
      try (ResultSet r = s.executeQuery("select string_agg(n || '|' || lot_id || '|' || inspector || '|' || qty, ','"
          + " order by n), string_agg(distinct typeof(qty), ',') from read_parquet('" + parquet + "')")) {
        r.next();
        assertThat(r.getString(1)).isEqualTo("1|LOT-1|[erased]|2.5,2|LOT-2|Anja Wiese|3.0");
        assertThat(r.getString(2)).isEqualTo("DOUBLE");
      }
    }
  }

  @Test
  void severalSpellingsAreErasedTheLongestWholeAndAcrossUnderscoresAndDots(@TempDir Path dir) throws Exception {
    // given a log naming the person three ways, and a longer name that holds a shorter spelling
    Path log = dir.resolve("run.log");
    Files.writeString(log, "loaded Beschwerde_Jörg_Müller.json; call joerg.mueller; ask Müller; Jörg Müller-Lang\n");
    Person spellings = new Person(List.of("Müller", "Jörg Müller", "Joerg Mueller", " jörg  müller "));

    // when
    long occurrences = new FileErasure(spellings).erase(log);

    // then each is replaced once, the longest spelling first, and duplicate spellings count once
    assertThat(spellings.spellings()).isEqualTo(3);
    assertThat(occurrences).isEqualTo(4);
    assertThat(Files.readString(log))
        .isEqualTo("loaded Beschwerde_[erased].json; call [erased]; ask [erased]; [erased]-Lang\n");
  }

  @Test
  void filesNamedAfterThePersonAreRenamedWithoutOverwritingEachOther(@TempDir Path home) throws Exception {
    // given two rejected files that differ only in how the name is written, and one that does not name him
    Path rejected = Files.createDirectories(home.resolve("rejected"));
    Path first = Files.writeString(rejected.resolve("notes_Jörg_Lindner.csv"), "a");
    Files.writeString(rejected.resolve("notes_JOERG-LINDNER.csv"), "b");
    Files.writeString(rejected.resolve("notes_Anja.csv"), "c");
    FileTime arrived = FileTime.from(Instant.parse("2025-03-01T08:00:00Z"));
    Files.setLastModifiedTime(first, arrived);

    // when
    List<FileRenaming.Renamed> renamed = new FileRenaming(home, new Person(List.of("Jörg Lindner", "Joerg Lindner")))
        .rename(rejected);

    // then
    assertThat(renamed).containsExactly(
        new FileRenaming.Renamed("rejected/notes_JOERG-LINDNER.csv", "rejected/notes_[erased].csv"),
        new FileRenaming.Renamed("rejected/notes_Jörg_Lindner.csv", "rejected/notes_[erased]-2.csv"));
    try (var files = Files.list(rejected)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted())
          .containsExactly("notes_Anja.csv", "notes_[erased]-2.csv", "notes_[erased].csv");
    }
    assertThat(Files.readString(rejected.resolve("notes_[erased]-2.csv"))).isEqualTo("a");
    assertThat(Files.getLastModifiedTime(rejected.resolve("notes_[erased]-2.csv"))).isEqualTo(arrived);
  }
}
