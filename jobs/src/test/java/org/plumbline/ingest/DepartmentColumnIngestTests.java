package org.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.plumbline.governance.GovernanceLoader;
import org.plumbline.governance.GovernanceModel;

/**
 * One system export covering several departments (sources.yml: department_column): each row is
 * filed under the department its cell names by code, name or alias, and a row naming none is
 * quarantined, never filed under a guessed department.
 */
class DepartmentColumnIngestTests {

  /** The plant's MES export, with an area column; the same with the Production department for empty cells. */
  private static final String SOURCES = """

      - id: plant_orders
        system: MES
        kind: system_of_record
        format: csv
        files: "plant_orders_*.csv"
        csv: { delimiter: "," }
        period: { column: day, grain: day }
        department_column: area
        attributes: { part_class: class }
        metrics:
          - { column: qty, name: produced_units }

      - id: plant_lots
        system: MES
        department: PROD
        kind: system_of_record
        format: csv
        files: "plant_lots_*.csv"
        csv: { delimiter: "," }
        period: { column: day, grain: day }
        department_column: area
        metrics:
          - { column: qty, name: produced_units }
    """ + IngestHome.EXPORT_SOURCE;

  @RegisterExtension final IngestHome home = IngestHome.eachTest(SOURCES);

  @Test
  void eachRowIsFiledUnderTheDepartmentItsCellNamesByCodeNameOrAlias() throws Exception {
    // given rows naming Production by an alias, Quality by an alias in other case and with spaces,
    // Logistics by its name in capitals, and Quality by its code
    Path file = home.deliver("plant_orders_2025-06.csv", """
        day,area,class,qty
        2025-06-02,Fertigung,CRITICAL,10
        2025-06-02, qualitaet ,STD,5
        2025-06-03,LOGISTICS,STD,3
        2025-06-03,QUAL,STD,2
        """);

    // when
    FileOutcome outcome = home.load(file);

    // then every row is loaded under its own department, with the text it was read from
    assertThat(outcome.kind()).isEqualTo(FileOutcome.Kind.LOADED);
    assertThat(List.of(outcome.rowsRead(), outcome.rowsLoaded(), outcome.rowsQuarantined())).containsExactly(4L, 4L, 0L);
    assertThat(home.query("select row_number, department_text, department_code, part_class, value from raw_value"
        + " order by row_number")).containsExactly(
        List.of(2, "Fertigung", "PROD", "CRITICAL", 10.0),
        List.of(3, " qualitaet ", "QUAL", "STD", 5.0),
        List.of(4, "LOGISTICS", "LOG", "STD", 3.0),
        List.of(5, "QUAL", "QUAL", "STD", 2.0));
    assertThat(home.query("select department_position from raw_sheet")).containsExactly(List.of(2));
  }

  @Test
  void aRowNamingNoDepartmentIsQuarantinedSayingTheTextTheColumnAndWhereToAddIt() throws Exception {
    // given a warehouse area no department goes by, an empty area in an export with no department of
    // its own, and an unknown area in a row whose quantity is no number either
    Path file = home.deliver("plant_orders_2025-07.csv", """
        day,area,class,qty
        2025-07-01,Produktion,CRITICAL,10
        2025-07-01,Lager,STD,4
        2025-07-01,,STD,6
        2025-07-02,Lager,STD,x
        """);

    // when
    FileOutcome outcome = home.load(file);

    // then only the Production row is loaded; the others are set aside with why, none lost
    assertThat(List.of(outcome.rowsRead(), outcome.rowsLoaded(), outcome.rowsQuarantined())).containsExactly(4L, 1L, 3L);
    assertThat(home.query("select row_number, department_code from raw_value")).containsExactly(List.of(2, "PROD"));
    String unknown = "The department \"Lager\" in column \"area\" is no department's code, name or alias (the"
        + " departments are LOG, PROD, QUAL). Add \"Lager\" to the aliases of the department it stands for"
        + " (departments.yml), or correct the file.";
    assertThat(home.query("select row_number, reason, fields from raw_quarantine order by row_number")).containsExactly(
        List.of(3, unknown, List.of("2025-07-01", "Lager", "STD", "4")),
        List.of(4, "The department is missing: the column \"area\" is empty in this row, and source 'plant_orders'"
            + " names no department of its own for such rows. Fill in the department, or give the source a"
            + " department (sources.yml: department) for the rows that name none.",
            Arrays.asList("2025-07-01", null, "STD", "6")),
        List.of(5, "The value \"x\" in column \"qty\" is not a number. " + unknown,
            List.of("2025-07-02", "Lager", "STD", "x")));
  }

  @Test
  void anEmptyCellIsTheSourcesOwnDepartmentWhereItNamesOne() throws Exception {
    // given an export whose source names Production, with one row naming Logistics and one naming none
    Path file = home.deliver("plant_lots_2025-06.csv", """
        day,area,qty
        2025-06-02,Logistik,7
        2025-06-02,,8
        """);

    // when
    FileOutcome outcome = home.load(file);

    // then the named department wins, and the empty cell falls back to the source's
    assertThat(outcome.rowsQuarantined()).isZero();
    assertThat(home.query("select row_number, department_code from raw_value order by row_number"))
        .containsExactly(List.of(2, "LOG"), List.of(3, "PROD"));
  }

  @Test
  void anExportWithoutTheDepartmentColumnIsRejectedNamingIt() throws Exception {
    // given this month's export without its area column
    Path file = home.deliver("plant_orders_2025-08.csv", "day,class,qty\n2025-08-01,STD,3\n");

    // when
    FileOutcome outcome = home.load(file);

    // then nothing is guessed: the file is rejected, naming the column
    assertThat(outcome.kind()).isEqualTo(FileOutcome.Kind.REJECTED);
    assertThat(outcome.reason()).contains("has no column \"area\"");
    assertThat(home.query("select count(*) from raw_record")).containsExactly(List.of(0L));
  }

  @Test
  void aSourceWithoutADepartmentColumnNamesNoDepartmentInItsRows() throws Exception {
    // given an export of a source with one department (or none), as every source before
    Path file = home.deliver("export_2025-06.csv", "day,qty\n2025-06-02,5\n");

    // when
    home.load(file);

    // then its rows carry no department of their own: they are the source's
    assertThat(home.query("select department_text, department_code, value from raw_value"))
        .containsExactly(Arrays.asList(null, null, 5.0));
    assertThat(home.query("select department_position from raw_sheet")).containsExactly(Arrays.asList((Object) null));
  }

  @Test
  void aSpellingAddedLaterReachesALoadedFileWhenItIsReadAgain() throws Exception {
    // given a loaded export whose warehouse area no department went by
    home.load(home.deliver("plant_orders_2025-10.csv", "day,area,class,qty\n2025-10-01,Fertigung,STD,10\n"
        + "2025-10-01,Lager,STD,4\n"));
    assertThat(home.query("select count(*) from raw_quarantine")).containsExactly(List.of(1L));

    // when Logistics is given the spelling and the load read again, and then the spelling moves to Quality
    LoadRereader.Result first = reread(withAlias("[Logistik]", "[Logistik, Lager]"));
    withAlias("[Logistik, Lager]", "[Logistik]");
    LoadRereader.Result second = reread(withAlias("[Qualitaet, QM]", "[Qualitaet, QM, Lager]"));

    // then the row is loaded under Logistics, then under Quality: each reading counts the value it moved
    assertThat(first.after()).isEqualTo(new LoadRereader.Counts(2, 2, 0, 0, 2));
    assertThat(first.valuesChanged()).isEqualTo(1);
    assertThat(second.valuesChanged()).isEqualTo(1);
    assertThat(home.query("select row_number, department_code from raw_value order by row_number"))
        .containsExactly(List.of(2, "PROD"), List.of(3, "QUAL"));
  }

  private GovernanceModel withAlias(String before, String after) throws Exception {
    Path departments = home.home.governance().resolve("departments.yml");
    String text = Files.readString(departments);
    assertThat(text).contains(before);
    Files.writeString(departments, text.replace(before, after));
    return new GovernanceLoader().load(home.home.governance());
  }

  private LoadRereader.Result reread(GovernanceModel model) throws Exception {
    LoadRereader rereader = new LoadRereader(home.warehouse.connection(), home.home, model,
        Clock.fixed(Instant.parse("2026-02-02T08:00:00Z"), ZoneOffset.UTC));
    return rereader.reread(rereader.find(1), "a spelling was added", "steward");
  }

  @Test
  void aPreviewShowsEachRowsDepartmentAndPartClass() throws Exception {
    // given
    Path file = home.root().resolve("plant_orders_2025-09.csv");
    Files.writeString(file, "day,area,class,qty\n2025-09-01,Fertigung,CRITICAL,10\n2025-09-01,Lager,STD,4\n");
    StringWriter text = new StringWriter();

    // when
    boolean readable = new FilePreview(home.model).show(file, 5, new PrintWriter(text, true));

    // then the typed values name the part class and the department read (with its text), and the
    // unknown area is among the rows that would be quarantined
    assertThat(readable).isTrue();
    assertThat(text.toString())
        .contains("value | part_id | part_class | lot_id | department")
        .contains("| 10.0 | null | CRITICAL | null | PROD (Fertigung)")
        .contains("The department \"Lager\" in column \"area\"");
    assertThat(home.query("select count(*) from load_audit")).containsExactly(List.of(0L));
  }
}
