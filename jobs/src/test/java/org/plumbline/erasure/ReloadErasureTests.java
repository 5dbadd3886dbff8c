package org.plumbline.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.governance.GovernanceLoader;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.ingest.FileLoader;
import org.plumbline.ingest.FileOutcome;
import org.plumbline.ingest.LoadRereader;
import org.plumbline.system.ExampleConfig;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.Warehouse;

/**
 * A load read again (plumbline reload) keeps every reading's rows in the ledger: an erasure finds
 * and erases the person in each of them, and a reload after an erasure reads the erased file.
 */
class ReloadErasureTests {

  /** A system's export naming the operator of each count; the first config scales qty by 1000. */
  private static final String SOURCE = """

      - id: test_counts
        system: MES
        kind: system_of_record
        format: csv
        files: "counts_*.csv"
        csv: { delimiter: "," }
        period: { column: day, grain: day }
        metrics:
          - { column: qty, name: produced_units, scale: 1000 }
    """;

  private static final String MARK = "\n  - { source: test_counts, column: operator, kind: personal }\n";

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-31T20:00:00Z"), ZoneOffset.UTC);

  @TempDir Path root;

  @Test
  void anErasureAfterAReloadErasesThePersonInEveryReadingAndAReloadAfterItReadsTheErasedFile() throws Exception {
    // given a file naming an operator, loaded, then read again under a fixed scale that quarantines nothing new
    PlumblineHome home = new PlumblineHome(root).createFolders();
    ExampleConfig.writeIfAbsent(home);
    append(home.governance().resolve("sources.yml"), SOURCE);
    append(home.governance().resolve("confidentiality.yml"), MARK);
    Path file = Files.writeString(home.inbox().resolve("counts_2026-01.csv"),
        "day,operator,qty\n2026-01-05,Sabine Hofmann,12\n2026-01-06,Anja Wiese,15\n2026-01-07,Sabine Hofmann,x\n",
        StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-31T19:00:00Z")));
    try (Warehouse warehouse = Warehouse.open(home.warehouseFile(), "1GB", 2)) {
      FileOutcome outcome = new FileLoader(warehouse.connection(), home, load(home), CLOCK).load(file, null);
      assertThat(outcome.rowsQuarantined()).isEqualTo(1L);
      replace(home.governance().resolve("sources.yml"), "produced_units, scale: 1000 }", "produced_units }");
      assertThat(reread(warehouse, home).succeeded()).isTrue();
      assertThat(rows(warehouse, "select count(*) from raw_record where list_contains(fields, 'Sabine Hofmann')"))
          .containsExactly(List.of(2L));
    }

    // when the operator is erased
    Eraser.Result erasure = new Eraser(home, () -> Warehouse.open(home.warehouseFile(), "1GB", 2), load(home))
        .erase(new Person("Sabine Hofmann"), "Data protection officer", "DSR-2026-015");

    // then both readings' rows and quarantined rows are erased, and nothing under the home holds the name
    assertThat(erasure.remaining()).isEmpty();
    assertThat(erasure.erased()).contains(new Erased("ledger raw_row", 2, 2), new Erased("ledger raw_quarantine", 2, 2));
    try (Warehouse warehouse = Warehouse.open(home.warehouseFile(), "1GB", 2)) {
      assertThat(rows(warehouse, "select reading_id, row_number, fields[2] from raw_record where row_number = 2"
          + " union all select reading_id, row_number, fields[2] from raw_quarantine order by all nulls first"))
          .containsExactly(java.util.Arrays.asList(null, 2, "[erased]"), java.util.Arrays.asList(null, 4, "[erased]"),
              List.of(1L, 2, "[erased]"), List.of(1L, 4, "[erased]"));

      // and when the load is read again after the erasure, the erased file is read, its values as before
      LoadRereader.Result again = reread(warehouse, home);
      assertThat(again.succeeded()).as(again.failure()).isTrue();
      assertThat(again.archiveRewritten()).isTrue();
      assertThat(again.valuesChanged()).isZero();
      assertThat(rows(warehouse, "select fields[2], value from raw_value join raw_row using (load_id, sheet_name,"
          + " row_number) order by row_number")).containsExactly(List.of("[erased]", 12.0), List.of("Anja Wiese", 15.0));
    }
  }

  private static LoadRereader.Result reread(Warehouse warehouse, PlumblineHome home) throws Exception {
    LoadRereader rereader = new LoadRereader(warehouse.connection(), home, load(home), CLOCK);
    return rereader.reread(rereader.find(1), "qty is in units", "steward");
  }

  private static GovernanceModel load(PlumblineHome home) {
    return new GovernanceLoader().load(home.governance());
  }

  private static void append(Path file, String text) throws Exception {
    Files.writeString(file, Files.readString(file) + text, StandardCharsets.UTF_8);
  }

  private static void replace(Path file, String wrong, String right) throws Exception {
    String text = Files.readString(file);
    assertThat(text).contains(wrong);
    Files.writeString(file, text.replace(wrong, right), StandardCharsets.UTF_8);
  }

  private static List<List<Object>> rows(Warehouse warehouse, String sql) throws Exception {
    try (PreparedStatement s = warehouse.connection().prepareStatement(sql); ResultSet r = s.executeQuery()) {
      List<List<Object>> rows = new ArrayList<>();
      while (r.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
          row.add(r.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }
}
