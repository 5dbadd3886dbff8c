package org.plumbline.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plumbline.ingest.WorksheetRows.cells;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.governance.GovernanceLoader;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.ingest.FileLoader;
import org.plumbline.ingest.FileOutcome;
import org.plumbline.system.ExampleConfig;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.Warehouse;

/**
 * A name erased from a sheet of several tables: a personal column of one table is erased whole
 * in that table's rows only; the field at the same position in the sheet's other table keeps
 * everything but the name.
 */
class SheetTablesErasureTests {

  /** Visits name the visitor's contact in column B; the output table below has its remarks there. */
  private static final String SOURCE = """

      - id: plant_visits
        department: PROD
        kind: self_reported
        format: xlsx
        files: "Visits_*.xlsx"
        period: { column: Week starting, grain: week }
        metrics:
          - { column: Units produced }
        tables:
          - { name: visits, title: Visits }
          - { name: output, title: Output }
    """;

  private static final String MARK = "\n  - { source: plant_visits, column: Contact, kind: personal }\n";

  @TempDir Path root;

  @Test
  void aPersonalColumnOfOneTableIsErasedWholeOnlyInThatTablesRows() throws Exception {
    // given a sheet whose visits table has the personal column Contact in column B, above an output table
    // whose column B is its remarks, and a note between them; all three name the same person
    PlumblineHome home = new PlumblineHome(root);
    ExampleConfig.writeIfAbsent(home);
    append(home.governance().resolve("sources.yml"), SOURCE);
    append(home.governance().resolve("confidentiality.yml"), MARK);
    GovernanceModel model = new GovernanceLoader().load(home.governance());
    Files.createDirectories(home.inbox());
    Path file = home.inbox().resolve("Visits_2025-W03.xlsx");
    writeVisits(file);
    try (Warehouse warehouse = Warehouse.open(home.warehouseFile(), "1GB", 2)) {
      FileOutcome outcome = new FileLoader(warehouse.connection(), home, model,
          Clock.fixed(Instant.parse("2026-01-31T20:00:00Z"), ZoneOffset.UTC)).load(file, null);
      assertThat(outcome.kind()).as(outcome.reason()).isEqualTo(FileOutcome.Kind.LOADED);
      assertThat(outcome.rowsQuarantined()).isEqualTo(1L);

      // when
      List<Erased> erased = new LedgerErasure(warehouse.connection()).erase(new Person("jörg lindner"),
          model.confidentialColumns());

      // then: the contact is erased whole (with his phone number); the remark keeps all but the name
      assertThat(erased).containsExactly(new Erased("ledger raw_row", 2, 2), new Erased("ledger raw_quarantine", 1, 1));
      assertThat(rows(warehouse, "select table_name, row_number, fields from raw_row order by row_number"))
          .containsExactly(
              List.of("visits", 3, List.of("2025-01-06", "[erased]", "1200")),
              List.of("visits", 4, List.of("2025-01-13", "Anja Wiese, +49 170 2222", "1250")),
              List.of("output", 9, List.of("2025-01-06", "Call [erased] back about the scrap", "900")));
      // and a row between the tables, in no table, is erased as every table's personal column would be
      assertThat(rows(warehouse, "select table_name, row_number, fields from raw_quarantine"))
          .containsExactly(List.of("", 6, Arrays.asList("Checked", "[erased]")));
    }
  }

  private static void append(Path file, String text) throws Exception {
    Files.writeString(file, Files.readString(file) + text, StandardCharsets.UTF_8);
  }

  private static void writeVisits(Path file) throws Exception {
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(out, "Excel", "1.0");
      Worksheet ws = wb.newWorksheet("Board");
      ws.value(0, 0, "Visits");                                                     // row 1
      cells(ws, 1, "Week starting", "Contact", "Units produced");                   // row 2
      cells(ws, 2, "2025-01-06", "Jörg Lindner, +49 170 1111", 1200);
      cells(ws, 3, "2025-01-13", "Anja Wiese, +49 170 2222", 1250);
      cells(ws, 5, "Checked", "by Jörg Lindner");                                   // row 6: between the tables
      ws.value(6, 0, "Output");                                                     // row 7
      cells(ws, 7, "Week starting", "Remark", "Units produced");                    // row 8
      cells(ws, 8, "2025-01-06", "Call Jörg Lindner back about the scrap", 900);
      wb.finish();
    }
  }


  private static List<List<Object>> rows(Warehouse warehouse, String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = warehouse.connection().createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        rows.add(List.of(r.getString(1), r.getInt(2), Arrays.asList((Object[]) r.getArray(3).getArray())));
      }
    }
    return rows;
  }
}
