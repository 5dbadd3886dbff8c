package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CsvIngestTests {

  private static final String SOURCES = """

      - id: test_audits
        department: QUAL
        kind: self_reported
        format: csv
        files: "audits*.csv"
        csv: { delimiter: ";", decimal: ",", date_format: "%d.%m.%Y" }
        period: { column: Datum, grain: day }
        metrics:
          - { column: "Ergebnis (%)" }

      - id: test_utf16
        department: QUAL
        kind: self_reported
        format: csv
        files: "utf16_*.csv"
        csv: { delimiter: ";", decimal: ",", date_format: "%d.%m.%Y", encoding: UTF-16 }
        period: { column: Datum, grain: day }
        metrics:
          - { column: "Ergebnis (%)" }

      - id: test_ansi
        department: QUAL
        kind: self_reported
        format: csv
        files: "ansi_*.csv"
        csv: { delimiter: ";", decimal: ",", date_format: "%d.%m.%Y", encoding: Windows-1252 }
        period: { column: Datum, grain: day }
        metrics:
          - { column: "Betrag (€)" }

      - id: test_latin1
        department: QUAL
        kind: self_reported
        format: csv
        files: "latin1_*.csv"
        csv: { delimiter: ";", decimal: ",", date_format: "%d.%m.%Y", encoding: Latin-1 }
        period: { column: Datum, grain: day }
        metrics:
          - { column: "Betrag (€)" }

      - id: test_export
        system: MES
        kind: system_of_record
        format: csv
        files: "export_*.csv"
        csv: { delimiter: "," }
        version_key: periods
        period: { column: day, grain: day }
        metrics:
          - { column: qty, name: produced_units }
    """;

  @RegisterExtension final IngestHome home = IngestHome.eachTest(SOURCES);

  @Test
  void emptyLinesAtTheEndOfAFileAreNoRowsAndShiftNoLine() throws Exception {
    // given exports that end in empty lines (LF, CRLF), and one with a blank line before its last record too
    Path lf = home.deliver("audits_1.csv", "Datum;Ergebnis (%);Bemerkung\n"
        + "06.01.2025;97,5;a\n07.01.2025;98;b\n\n\n");
    Path crlf = home.deliver("audits_2.csv", "Datum;Ergebnis (%);Bemerkung\r\n"
        + "06.01.2025;95;a\r\n07.01.2025;96;b\r\n\r\n");
    Path inside = home.deliver("audits_3.csv", "Datum;Ergebnis (%);Bemerkung\n"
        + "06.01.2025;93;a\n\n07.01.2025;94;b\n\n");

    // when
    List<FileOutcome> outcomes = List.of(home.load(lf), home.load(crlf), home.load(inside));

    // then each record keeps the line an editor shows it on, and nothing else was read
    assertThat(outcomes).extracting(FileOutcome::rowsRead, FileOutcome::rowsLoaded)
        .containsOnly(org.assertj.core.groups.Tuple.tuple(2L, 2L));
    assertThat(home.query("select a.file_name, r.row_number, r.fields[2] from raw_record r"
        + " join load_audit a using (load_id) order by a.file_name, r.row_number"))
        .containsExactly(List.of("audits_1.csv", 2, "97,5"), List.of("audits_1.csv", 3, "98"),
            List.of("audits_2.csv", 2, "95"), List.of("audits_2.csv", 3, "96"),
            List.of("audits_3.csv", 2, "93"), List.of("audits_3.csv", 4, "94"));
  }

  @Test
  void filesWhoseLinesEndInSeveralWaysLoadWithEditorLinesAndFieldTexts() throws Exception {
    // given LF, CRLF and lone CR line ends (which DuckDB's reader does not take in one file), a
    // quoted note spanning lines with a CRLF of its own, blank lines, and a line with a field too many
    Path mixed = home.deliver("audits_1.csv", "Datum;Ergebnis (%);Bemerkung\n"
        + "06.01.2025;97,5;a\r\n"
        + "07.01.2025;98;\"erste\r\nzweite\"\r"
        + "\r\n"
        + "08.01.2025;99;c;zu viel\n"
        + "09.01.2025;96;d\n\n\r\n");
    // and an Excel export: CRLF line ends, an LF inside a quoted cell
    Path excel = home.deliver("audits_2.csv", "Datum;Ergebnis (%);Bemerkung\r\n"
        + "10.01.2025;95;\"eins\nzwei\"\r\n11.01.2025;94;e\r\n");

    // and in UTF-16 (little-endian, with a byte-order mark), a header cell holding an LF in a CRLF
    // file and a record ending in a lone CR
    Path utf16 = home.deliver("utf16_1.csv", ("\uFEFFDatum;Ergebnis (%);\"Bemer\nkung\"\r\n"
        + "12.01.2025;93;f\r13.01.2025;92;\"g\r\nh\"\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_16LE));

    // when
    List<FileOutcome> outcomes = List.of(home.load(mixed), home.load(excel), home.load(utf16));

    // then every record is loaded or quarantined on the line an editor shows, its texts as written
    assertThat(outcomes).extracting(FileOutcome::kind, FileOutcome::rowsRead, FileOutcome::rowsLoaded,
            FileOutcome::rowsQuarantined)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(FileOutcome.Kind.LOADED, 4L, 3L, 1L),
            org.assertj.core.groups.Tuple.tuple(FileOutcome.Kind.LOADED, 2L, 2L, 0L),
            org.assertj.core.groups.Tuple.tuple(FileOutcome.Kind.LOADED, 2L, 2L, 0L));
    assertThat(home.query("select a.file_name, r.row_number, r.fields[2], r.fields[3] from raw_record r"
        + " join load_audit a using (load_id) order by a.file_name, r.row_number"))
        .containsExactly(List.of("audits_1.csv", 2, "97,5", "a"), List.of("audits_1.csv", 3, "98", "erste\r\nzweite"),
            List.of("audits_1.csv", 7, "96", "d"),
            List.of("audits_2.csv", 2, "95", "eins\nzwei"), List.of("audits_2.csv", 4, "94", "e"),
            List.of("utf16_1.csv", 3, "93", "f"), List.of("utf16_1.csv", 4, "92", "g\r\nh"));
    assertThat(home.query("select column_names[3] from raw_sheet s join load_audit a using (load_id)"
        + " where a.file_name = 'utf16_1.csv'")).containsExactly(List.of("Bemer\nkung"));
    assertThat(home.query("select row_number, fields from raw_quarantine"))
        .containsExactly(List.of(6, List.of("08.01.2025;99;c;zu viel")));
  }

  @Test
  void theCopyDuckDbReadsIsWrittenWhereTheWarehouseSpillsAndRemoved() throws Exception {
    // given a warehouse that spills into a folder not made yet, and a file whose lines end in two ways
    Path spill = home.root().resolve("spill");
    try (var s = home.warehouse.connection().createStatement()) {
      s.execute("set temp_directory = '" + spill + "'");
    }
    Path mixed = home.deliver("audits_1.csv", "Datum;Ergebnis (%);Bemerkung\n06.01.2025;97,5;a\r\n07.01.2025;98;b\n");

    // when
    FileOutcome outcome = home.load(mixed);

    // then it loads from a copy made in that folder (not the JVM's /tmp), which is gone afterwards
    assertThat(outcome.rowsLoaded()).isEqualTo(2);
    assertThat(spill).isEmptyDirectory();
  }

  @Test
  void utf16LoadsInEitherByteOrderWithOrWithoutAByteOrderMark() throws Exception {
    // given the same export in UTF-16 as Windows, Java and others write it (a different value in each,
    // so none is a duplicate of another)
    String text = "Datum;Ergebnis (%);Bemerkung\r\n12.01.2025;VALUE;Grüße\r\n13.01.2025;92;\"Prüfung\r\nok\"\r\n";
    List<Path> files = List.of(
        home.deliver("utf16_le_mark.csv", ("\uFEFF" + text.replace("VALUE", "91")).getBytes(StandardCharsets.UTF_16LE)),
        home.deliver("utf16_be_mark.csv", ("\uFEFF" + text.replace("VALUE", "93")).getBytes(StandardCharsets.UTF_16BE)),
        home.deliver("utf16_le.csv", text.replace("VALUE", "94").getBytes(StandardCharsets.UTF_16LE)),
        home.deliver("utf16_be.csv", text.replace("VALUE", "95").getBytes(StandardCharsets.UTF_16BE)));

    // when
    List<FileOutcome> outcomes = new java.util.ArrayList<>();
    for (Path file : files) {
      outcomes.add(home.load(file));
    }

    // then each loads whole, its texts as written and its records on their editor lines
    assertThat(outcomes).extracting(FileOutcome::kind, FileOutcome::rowsLoaded)
        .containsOnly(org.assertj.core.groups.Tuple.tuple(FileOutcome.Kind.LOADED, 2L));
    assertThat(home.query("select a.file_name, r.row_number, r.fields[2], r.fields[3] from raw_record r"
        + " join load_audit a using (load_id) where r.row_number = 2 order by a.file_name"))
        .containsExactly(List.of("utf16_be.csv", 2, "95", "Grüße"), List.of("utf16_be_mark.csv", 2, "93", "Grüße"),
            List.of("utf16_le.csv", 2, "94", "Grüße"), List.of("utf16_le_mark.csv", 2, "91", "Grüße"));
    assertThat(home.query("select distinct r.row_number, r.fields[3] from raw_record r where r.row_number = 3"))
        .containsExactly(List.of(3, "Prüfung\r\nok"));
  }

  @Test
  void windowsAnsiTextLoadsWhetherDeclaredWindows1252OrLatin1() throws Exception {
    // given what Excel on Windows saves as "CSV": Windows-1252, with signs Latin-1 lacks
    String text = "Datum;Betrag (€);Notiz\r\n06.01.2025;VALUE;„Maß“ – ok\r\n07.01.2025;2;Größe\r\n";
    java.nio.charset.Charset ansi = java.nio.charset.Charset.forName("windows-1252");
    Path declaredAnsi = home.deliver("ansi_1.csv", text.replace("VALUE", "1.234,5").getBytes(ansi));
    Path declaredLatin1 = home.deliver("latin1_1.csv", text.replace("VALUE", "7").getBytes(ansi));

    // when
    List<FileOutcome> outcomes = List.of(home.load(declaredAnsi), home.load(declaredLatin1));

    // then both load whole, each text as Windows shows it
    assertThat(outcomes).extracting(FileOutcome::kind, FileOutcome::rowsLoaded)
        .containsOnly(org.assertj.core.groups.Tuple.tuple(FileOutcome.Kind.LOADED, 2L));
    assertThat(home.query("select a.file_name, v.value_text, v.value, r.fields[3] from raw_value v"
        + " join raw_record r using (load_id, sheet_name, row_number) join load_audit a using (load_id)"
        + " where v.row_number = 2 order by a.file_name"))
        .containsExactly(List.of("ansi_1.csv", "1.234,5", 1234.5, "„Maß“ – ok"), List.of("latin1_1.csv", "7", 7.0, "„Maß“ – ok"));
    assertThat(home.query("select distinct column_names[2] from raw_sheet")).containsExactly(List.of("Betrag (€)"));
  }

  @Test
  void aUtf8FileUnderASingleByteSourceIsRejectedSayingWhichItIsRatherThanLoadedGarbled() throws Exception {
    // given what Excel saves as "CSV UTF-8", delivered to sources declared Windows-1252 and Latin-1
    String text = "Datum;Betrag (€);Notiz\r\n06.01.2025;7;Größe\r\n";
    Path declaredAnsi = home.deliver("ansi_1.csv", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Path declaredLatin1 = home.deliver("latin1_1.csv", text.replace("€", "EUR").getBytes(
        java.nio.charset.StandardCharsets.UTF_8));

    // when
    List<FileOutcome> outcomes = List.of(home.load(declaredAnsi), home.load(declaredLatin1));

    // then neither loads, and each says what to set
    assertThat(outcomes).extracting(FileOutcome::reason).containsExactly(
        "It is written in UTF-8, not in Windows-1252 as its source declares: its letters beyond ASCII, the first on"
            + " line 1, are UTF-8 characters, which Windows-1252 would read as others (\"Ã¤\" for \"ä\"). Set the"
            + " source's csv encoding to UTF-8.",
        "It is written in UTF-8, not in Latin-1 as its source declares: its letters beyond ASCII, the first on"
            + " line 2, are UTF-8 characters, which Latin-1 would read as others (\"Ã¤\" for \"ä\"). Set the"
            + " source's csv encoding to UTF-8.");
    assertThat(home.query("select count(*) from load_audit")).containsExactly(List.of(0L));
  }

  @Test
  void aRowOfEmptyFieldsIsABlankRowKeptAsLayoutNotAWrongOne() throws Exception {
    // given what Excel saves for empty spreadsheet rows (";;"), a line of spaces, and a row that is wrong
    Path file = home.deliver("audits_1.csv", "Datum;Ergebnis (%);Bemerkung\n"
        + "06.01.2025;97,5;a\n;;\n   \n; ;\n07.01.2025;x;b\n");

    // when
    FileOutcome outcome = home.load(file);

    // then the blank rows are kept as layout (skipped), and only the wrong one is quarantined
    assertThat(List.of(outcome.kind(), outcome.rowsRead(), outcome.rowsLoaded(), outcome.rowsSkipped(),
        outcome.rowsQuarantined())).containsExactly(FileOutcome.Kind.LOADED, 5L, 1L, 3L, 1L);
    assertThat(home.query("select row_number from raw_record where is_layout order by row_number"))
        .containsExactly(List.of(3), List.of(4), List.of(5));
    assertThat(home.query("select row_number, reason from raw_quarantine"))
        .containsExactly(List.of(6, "The value \"x\" in column \"Ergebnis (%)\" is not a number."));
  }

  @Test
  void aQuoteInsideAnUnquotedFieldIsTextAsExcelReadsIt() throws Exception {
    // given part names with inch marks, a quoted field after them, and a quoted field spanning lines
    Path file = home.deliver("audits_1.csv", "Datum;Ergebnis (%);Bemerkung\n"
        + "06.01.2025;97;Ventil 1/2\" DN15\n07.01.2025;98;\"Rohr; 3/4\"\" lang\"\n"
        + "08.01.2025;99;x\"y\"z\n09.01.2025;96;\"zwei\nZeilen\"\n10.01.2025;95;e\n");

    // when
    FileOutcome outcome = home.load(file);

    // then every record is loaded on its editor line with its text
    assertThat(outcome.rowsLoaded()).isEqualTo(5);
    assertThat(home.query("select row_number, fields[3] from raw_record order by row_number"))
        .containsExactly(List.of(2, "Ventil 1/2\" DN15"), List.of(3, "Rohr; 3/4\" lang"), List.of(4, "x\"y\"z"),
            List.of(5, "zwei\nZeilen"), List.of(7, "e"));
  }

  @Test
  void aQuotedFieldAfterSpacesIsQuotedAsDuckDbReadsItAndLaterRecordsKeepTheirLines() throws Exception {
    // given quoted fields with spaces before and after their quotes, one spanning two lines
    Path file = home.deliver("audits_1.csv", "Datum;Ergebnis (%);Bemerkung\n"
        + "06.01.2025;97; \"zwei\nZeilen\" \n07.01.2025;98; \"a;b\"  \n08.01.2025;99;c\n");

    // when
    FileOutcome outcome = home.load(file);

    // then
    assertThat(outcome.kind()).isEqualTo(FileOutcome.Kind.LOADED);
    assertThat(home.query("select row_number, fields[3] from raw_record order by row_number"))
        .containsExactly(List.of(2, "zwei\nZeilen"), List.of(4, "a;b"), List.of(5, "c"));
  }

  @Test
  void aTabOrASecondSignInANumberIsNoNumberUnderEitherDecimalMark() throws Exception {
    // given values a cast or a loose grouping rule would read as -1, 1234 and 1234,5
    Path point = home.deliver("export_1.csv", "day,qty\n2025-01-06,+-1\n2025-01-07,1\t234\n2025-01-08,1 234\n");
    Path comma = home.deliver("audits_1.csv", "Datum;Ergebnis (%);Bemerkung\n06.01.2025;1\t234,5;x\n");

    // when
    home.load(point);
    home.load(comma);

    // then only the space between groups of three digits is a grouping separator
    assertThat(home.query("select row_number, value from raw_value order by row_number"))
        .containsExactly(List.of(4, 1234.0));
    assertThat(home.query("select file_name, row_number from raw_quarantine order by file_name, row_number"))
        .containsExactly(List.of("audits_1.csv", 2), List.of("export_1.csv", 2), List.of("export_1.csv", 3));
  }

  @Test
  void aLineWithTooFewFieldsSaysHowMany() throws Exception {
    // given a line two fields short of the header, which DuckDB reports once for each missing field
    Path file = home.deliver("export_short.csv", "day,qty,note,lot\n2025-01-06,10,a,L1\n2025-01-07,11\n");

    // when
    home.load(file);

    // then
    assertThat(home.query("select row_number, reason from raw_quarantine")).containsExactly(List.of(3,
        "The line could not be split into the header's fields: it has 2 fields, the header 4."));
  }

  @Test
  void aUtf8FileUnderAUtf16SourceIsRejectedSayingWhichItIs() throws Exception {
    // given
    Path file = home.deliver("utf16_utf8.csv", "Datum;Ergebnis (%);Bemerkung\n12.01.2025;93;Grüße\n");

    // when
    FileOutcome outcome = home.load(file);

    // then
    assertThat(outcome.kind()).isEqualTo(FileOutcome.Kind.REJECTED);
    assertThat(outcome.reason()).isEqualTo("It is written in UTF-8, not in UTF-16 as its source declares (it has no"
        + " byte-order mark, and its bytes do not come in pairs as UTF-16 text does). Set the source's csv encoding"
        + " to UTF-8.");
  }

  @Test
  void anEmptyFileIsRejectedSayingSo() throws Exception {
    // given
    Path file = home.deliver("export_empty.csv", "");

    // when
    FileOutcome outcome = home.load(file);

    // then
    assertThat(outcome.kind()).isEqualTo(FileOutcome.Kind.REJECTED);
    assertThat(outcome.reason()).isEqualTo("It is empty (0 bytes): a CSV export holds at least its header line. Ask"
        + " for it to be exported again.");
  }

  @Test
  void quoteTroubleIsRejectedNamingTheLine() throws Exception {
    // given a quote that is never closed, and text after a quoted part of a field
    Path unclosed = home.deliver("audits_1.csv", "Datum;Ergebnis (%);Bemerkung\n"
        + "06.01.2025;97;a\n07.01.2025;98;\"offen\n08.01.2025;99;c\n");
    Path after = home.deliver("audits_2.csv", "Datum;Ergebnis (%);Bemerkung\n"
        + "06.01.2025;97;a\n07.01.2025;98;\"Zitat\" danach\n");

    // when
    List<FileOutcome> outcomes = List.of(home.load(unclosed), home.load(after));

    // then each is rejected whole, saying where and what to do
    assertThat(outcomes).extracting(FileOutcome::kind).containsOnly(FileOutcome.Kind.REJECTED);
    assertThat(outcomes.get(0).reason()).isEqualTo("The quote that opens a field on line 3 is never closed, so the"
        + " rest of the file would be that one field. Close it; or, if the quote is part of the text, quote the"
        + " whole field and double the quotes in it (\"Ventil 1/2\"\" DN15\").");
    assertThat(outcomes.get(1).reason()).startsWith("DuckDB could not read it as CSV")
        .endsWith("Line 3 has text after a quoted part of a field (\"Zitat\" danach), which DuckDB's reader does"
            + " not take: quote the whole field and double the quotes in it (\"\"\"Zitat\"\" danach\").");
    assertThat(home.query("select count(*) from raw_record")).containsExactly(List.of(0L));
  }

  @Test
  void everyRowIsLoadedOrQuarantinedWithItsEditorLine() throws Exception {
    // given: a note spanning lines, a blank line, a value that is no number, a ragged line, and a
    // score of 1,234.5 % (thousands separator read), beyond the audit score's valid range
    String csv = "Datum;Ergebnis (%);Bemerkung\n"
        + "06.01.2025;97,5;\"erste\nzweite Zeile\"\n"
        + "\n"
        + "07.01.2025;n/a;\n"
        + "08.01.2025;\"98 %\";ok;zu viel\n"
        + "09.01.2025;1.234,5;ok\n";
    Path file = home.deliver("audits_1.csv", csv);

    // when
    FileOutcome outcome = home.load(file);

    // then
    assertThat(outcome.kind()).isEqualTo(FileOutcome.Kind.LOADED);
    assertThat(List.of(outcome.rowsRead(), outcome.rowsLoaded(), outcome.rowsSkipped(), outcome.rowsQuarantined()))
        .containsExactly(4L, 1L, 0L, 3L);
    assertThat(home.query("select row_number, value_text, value from raw_value order by row_number"))
        .containsExactly(List.of(2, "97,5", 97.5));
    assertThat(home.query("select row_number, reason, fields from raw_quarantine order by row_number"))
        .containsExactly(
            List.of(5, "The value \"n/a\" in column \"Ergebnis (%)\" is not a number.", java.util.Arrays.asList("07.01.2025", "n/a", null)),
            List.of(6, "The line could not be split into the header's fields: it has more fields than the header's 3.",
                List.of("08.01.2025;\"98 %\";ok;zu viel")),
            List.of(7, "The value \"1.234,5\" in column \"Ergebnis (%)\" reads as 1234.5 percent, outside what Quality"
                + " audit score can be: 0 to 100 percent (kpis.yml: valid_range). Check the figure, or the unit and scale"
                + " sources.yml gives this column.", List.of("09.01.2025", "1.234,5", "ok")));
    assertThat(home.query("select rows_read, rows_loaded + rows_skipped + rows_quarantined, file_name from load_audit"))
        .containsExactly(List.of(4L, 4L, "audits_1.csv"));
  }

  @Test
  void theSameBytesAgainUnderAnyNameAddNothing() throws Exception {
    // given
    String csv = "day,qty\n2025-01-06,10\n2025-01-07,12\n";
    home.load(home.deliver("export_a.csv", csv));

    // when
    FileOutcome again = home.load(home.deliver("export_b.csv", csv));

    // then
    assertThat(again.kind()).isEqualTo(FileOutcome.Kind.DUPLICATE);
    assertThat(home.query("select count(*) from raw_row")).containsExactly(List.of(2L));
    assertThat(home.query("select outcome from file_delivery order by delivery_id"))
        .containsExactly(List.of("loaded"), List.of("duplicate"));
    assertThat(Files.exists(home.home.archive().resolve("duplicates"))).isTrue();
  }

  @Test
  void aNewVersionOfTheSamePeriodsIsKeptBesideTheEarlierOne() throws Exception {
    // given: a system re-exports the same days under a new name, with one value corrected
    home.load(home.deliver("export_0101.csv", "day,qty\n2025-01-06,10\n2025-01-07,12\n"));

    // when
    home.load(home.deliver("export_0102.csv", "day,qty\n2025-01-06,10\n2025-01-07,13\n"));

    // then
    assertThat(home.query("select version_key, count(*) from load_audit group by all"))
        .containsExactly(List.of("test_export/periods 2025-01-06..2025-01-07", 2L));
    assertThat(home.query("select load_id, value from raw_value where period_date = date '2025-01-07' order by 1"))
        .containsExactly(List.of(1L, 12.0), List.of(2L, 13.0));
  }

  @Test
  void aFileNamedWithAQuoteAndASemicolonIsReadLiterally() throws Exception {
    // given: a name that would break SQL built by concatenation, and one that is a glob
    Path quoted = home.deliver("export_'; drop table raw_row; --.csv", "day,qty\n2025-01-06,10\n");
    Path glob = home.deliver("export_[1]*.csv", "day,qty\n2025-01-06,11\n");

    // when
    FileOutcome first = home.load(quoted);
    FileOutcome second = home.load(glob);

    // then
    assertThat(List.of(first.rowsLoaded(), second.rowsLoaded())).containsExactly(1L, 1L);
    assertThat(home.query("select file_name from load_audit order by load_id"))
        .containsExactly(List.of("export_'; drop table raw_row; --.csv"), List.of("export_[1]*.csv"));
  }

  @Test
  void aFileMissingAConfiguredColumnIsRejectedWholeWithTheReason() throws Exception {
    // given
    Path file = home.deliver("audits_2.csv", "Date;Score\n06.01.2025;97\n");

    // when
    FileOutcome outcome = home.load(file);

    // then
    assertThat(outcome.kind()).isEqualTo(FileOutcome.Kind.REJECTED);
    assertThat(outcome.reason()).contains("has no column \"Datum\", \"Ergebnis (%)\"").contains("test_audits");
    assertThat(home.home.rejected().resolve("audits_2.csv.reason.txt")).exists();
    assertThat(home.query("select count(*) from load_audit")).containsExactly(List.of(0L));
  }

  @Test
  void aFileInTheWrongEncodingIsRejectedNotMangled() throws Exception {
    // given: Latin-1 bytes in a source declared UTF-8
    Path file = home.deliver("export_latin1.csv", "day,qty,note\n2025-01-06,10,Gr\u00fc\u00dfe\n"
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

    // when
    FileOutcome outcome = home.load(file);

    // then
    assertThat(outcome.kind()).isEqualTo(FileOutcome.Kind.REJECTED);
    assertThat(outcome.reason()).contains("not valid text in its declared encoding");
  }

  @Test
  void aLatin1LetterBeforePlainTextIsStillRejectedAsTheWrongEncoding() throws Exception {
    // given: "café" in Latin-1, whose 0xE9 comes in the middle of plain text, which the line
    // scanner skips in runs: the run must stop at it so it is checked (it is not UTF-8)
    Path file = home.deliver("export_cafe.csv", "day,qty,note\n2025-01-06,10,plain\n2025-01-07,11,caf\u00e9\n"
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

    // when
    FileOutcome outcome = home.load(file);

    // then
    assertThat(outcome.kind()).isEqualTo(FileOutcome.Kind.REJECTED);
    assertThat(outcome.reason()).contains("not valid text in its declared encoding").contains("line 3 holds an invalid byte sequence");
  }
}
