package org.plumbline.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.governance.ConfidentialColumn;
import org.plumbline.governance.ConfidentialColumn.DataKind;
import org.plumbline.governance.ConfidentialColumn.Treatment;
import org.plumbline.governance.DimensionLoader;
import org.plumbline.governance.GovernanceLoader;
import org.plumbline.governance.GovernanceModel;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.Warehouse;

/** The analysts' snapshot masks or drops the confidential columns; the working warehouse keeps them. */
class SnapshotMaskingTests {

  @Test
  void masksOrDropsTheMarkedColumnsInLoadedAndQuarantinedRowsAndWithholdsIncentiveSchemes(@TempDir Path folder)
      throws Exception {
    // given a warehouse holding two complaints and a quarantined one, with contact_name masked
    // and customer dropped, and an incentive scheme
    PlumblineHome home = new PlumblineHome(folder).createFolders();
    GovernanceModel example = new GovernanceLoader().load(Path.of("../config/governance"));
    GovernanceModel model = withMarks(example, List.of(
        new ConfidentialColumn("crm_complaints", "contact_name", DataKind.PERSONAL, Treatment.MASK),
        new ConfidentialColumn("crm_complaints", "Customer ", DataKind.SENSITIVE, Treatment.DROP)));
    try (Warehouse warehouse = Warehouse.open(home.warehouseFile(), "256MB", 1)) {
      Connection c = warehouse.connection();
      new DimensionLoader().load(c, model);
      try (Statement s = c.createStatement()) {
        s.execute("insert into load_audit (load_id, content_hash, source_id, file_name, archive_path, file_size_bytes,"
            + " received_at, loaded_at, version_key, rows_read, rows_loaded, rows_skipped, config_version) values"
            + " (7, 'h7', 'crm_complaints', 'c.json', 'archive/7-c.json', 1, now(), now(), 'k', 3, 2, 0, 'v'),"
            + " (8, 'h8', 'erp_production', 'e.csv', 'archive/8-e.csv', 1, now(), now(), 'e', 1, 1, 0, 'v'),"
            + " (9, 'h9', 'crm_complaints', 'old.json', 'archive/9-old.json', 1, now(), now(), 'o', 1, 1, 0, 'v')");
        s.execute("insert into raw_sheet (load_id, sheet_name, header_row, column_names) values (7, '', 1, ['complaint_id', 'customer', 'contact_name', 'part_no']),"
            + " (8, '', 1, ['contact_name', 'qty_good']),"
            + " (9, '', 1, ['complaint_id', 'customer', 'contact_name', 'part_no'])");
        s.execute("insert into raw_record values"
            + " (7, '', 1, false, ['C-1', 'OEM Stuttgart', 'Sabine Hofmann', 'EV-1'], '', null, null),"
            + " (7, '', 2, false, ['C-2', 'Kessler', '', 'EV-2'], '', null, null)");
        // loads from before ledger V6, as they were written then
        s.execute("insert into raw_row_v1 values"
            + " (8, 'erp_production', 'h8', now(), 'e', '', 1, false, ['not marked for this source', '5']),"
            + " (9, 'crm_complaints', 'h9', now(), 'o', '', 2, false, ['C-0', 'Brenner', 'Otto Lang', 'EV-0'])");
        s.execute("insert into raw_quarantine values (7, 'crm_complaints', 'c.json', '', 3, 'why',"
            + " ['C-3', 'Brenner', 'Katrin Vogel', 'EV-3'], '', null)");
        s.execute("create or replace table dim_incentive_weight (scheme_id varchar, kpi_id varchar, weight double)");
        s.execute("insert into dim_incentive_weight values ('head-of-production', 'throughput', 0.8)");
        s.execute("insert into report_delivery (report_delivery_id, report_file, recipient, outcome, attempts,"
            + " first_attempt_at, finished_at, requested_by) values"
            + " (1, 'executive-summary_as-of-2026-01-31.pdf', 'sabine.hofmann@example.com', 'sent', 1, now(), now(),"
            + " 'nightly')");
      }

      // when the snapshot is published
      Path snapshot = new SnapshotPublisher(home, c).publish(1);

      // then the working warehouse is unchanged and the snapshot shows markers, nulls and the rest as is
      try (Statement s = c.createStatement()) {
        assertThat(rows(s, "select fields from raw_row order by load_id, row_number")).containsExactly(
            "[C-1, OEM Stuttgart, Sabine Hofmann, EV-1]", "[C-2, Kessler, '', EV-2]",
            "[not marked for this source, 5]", "[C-0, Brenner, Otto Lang, EV-0]");
      }
      assertThat(snapshot).isEqualTo(home.published().resolve("plumbline-1.duckdb"));
      assertThat(home.warehouseFile().resolveSibling("snapshot-staging.duckdb")).doesNotExist();
    }
    try (Connection analyst = DriverManager.getConnection("jdbc:duckdb:" + home.published().resolve(
            "plumbline-1.duckdb"));
        Statement s = analyst.createStatement()) {
      assertThat(rows(s, "select fields from raw_row order by load_id, row_number")).containsExactly(
          "[C-1, NULL, '[masked]', EV-1]", "[C-2, NULL, '', EV-2]", "[not marked for this source, 5]",
          "[C-0, NULL, '[masked]', EV-0]");
      assertThat(rows(s, "select fields from raw_quarantine")).containsExactly("[C-3, NULL, '[masked]', EV-3]");
      assertThat(rows(s, "select count(*) from duckdb_tables() where table_name = 'dim_incentive_weight'"))
          .containsExactly("0");
      assertThat(rows(s, "select count(*) from duckdb_tables() where table_name = 'report_delivery'"))
          .containsExactly("0");
    }
    // and not a byte of the masked names is anywhere in the snapshot file
    String bytes = new String(Files.readAllBytes(home.published().resolve("plumbline-1.duckdb")),
        java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(bytes).doesNotContain("Hofmann").doesNotContain("sabine.hofmann").doesNotContain("Katrin")
        .doesNotContain("OEM Stuttgart").doesNotContain("Otto Lang");
  }

  @Test
  void aColumnMarkedInOneTableOfASheetIsMaskedInThatTableOnly(@TempDir Path folder) throws Exception {
    // given a sheet of two tables (ledger V10) whose first column is contact_name in one table only
    PlumblineHome home = new PlumblineHome(folder).createFolders();
    GovernanceModel model = withMarks(new GovernanceLoader().load(Path.of("../config/governance")), List.of(
        new ConfidentialColumn("crm_complaints", "contact_name", DataKind.PERSONAL, Treatment.MASK)));
    try (Warehouse warehouse = Warehouse.open(home.warehouseFile(), "256MB", 1)) {
      Connection c = warehouse.connection();
      new DimensionLoader().load(c, model);
      try (Statement s = c.createStatement()) {
        s.execute("insert into load_audit (load_id, content_hash, source_id, file_name, archive_path, file_size_bytes,"
            + " received_at, loaded_at, version_key, rows_read, rows_loaded, rows_skipped, config_version) values"
            + " (10, 'h10', 'crm_complaints', 'w.xlsx', 'archive/10-w.xlsx', 1, now(), now(), 'w', 2, 2, 0, 'v')");
        s.execute("insert into raw_sheet (load_id, sheet_name, header_row, column_names, table_name) values"
            + " (10, 'Report', 2, ['contact_name', 'calls'], 'contacts'),"
            + " (10, 'Report', 6, ['part_no', 'defects'], 'parts')");
        s.execute("insert into raw_record values (10, 'Report', 3, false, ['Hans Meier', '4'], 'contacts', null, null),"
            + " (10, 'Report', 7, false, ['EV-300', '2'], 'parts', null, null)");
      }

      // when the snapshot is published
      new SnapshotPublisher(home, c).publish(1);
    }

    // then the contact is masked and the other table's first column is as delivered
    try (Connection analyst = DriverManager.getConnection("jdbc:duckdb:" + home.published().resolve(
            "plumbline-1.duckdb"));
        Statement s = analyst.createStatement()) {
      assertThat(rows(s, "select fields from raw_row order by row_number"))
          .containsExactly("['[masked]', 4]", "[EV-300, 2]");
    }
  }

  private static GovernanceModel withMarks(GovernanceModel m, List<ConfidentialColumn> marks) {
    return new GovernanceModel(m.configVersion(), m.departments(), m.roles(), m.kpis(), m.policies(), m.sources(),
        m.objectives(), m.incentives(), m.tensions(), m.submissions(), m.initiatives(), m.deviations(),
        m.calendars(), m.exchangeRates(), m.controlCharts(), m.complianceMirages(), m.poorQualityCosts(),
        m.incentiveChecks(), marks, m.files());
  }

  private static List<String> rows(Statement s, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        rows.add(r.getString(1));
      }
    }
    return rows;
  }
}
