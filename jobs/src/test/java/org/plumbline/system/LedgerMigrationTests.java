package org.plumbline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A warehouse written before ledger V6 opens, keeps its loads readable as before, and migrates once. */
class LedgerMigrationTests {

  @Test
  void aWarehouseFromBeforeVersion6KeepsItsLoadsReadableThroughTheSameTables(@TempDir Path dir) throws Exception {
    // given a warehouse at ledger V5 holding one load, as the loader of that version wrote it
    Path file = dir.resolve("plumbline.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement()) {
      for (String version : List.of("sql/ledger/V1__ledger.sql", "sql/ledger/V2__typed_values_and_quarantine.sql",
          "sql/ledger/V3__findings_history.sql", "sql/ledger/V5__erasure_log.sql")) {
        SqlScript.execute(c, version);
      }
      s.execute("insert into load_audit (load_id, content_hash, source_id, file_name, archive_path, file_size_bytes,"
          + " received_at, loaded_at, version_key, rows_read, rows_loaded, rows_skipped, config_version) values"
          + " (1, 'h1', 'mes', 'm.csv', 'archive/1-m.csv', 10, timestamp '2025-03-01 08:00', now(), 'mes/m.csv',"
          + " 1, 1, 0, 'v1')");
      s.execute("insert into raw_sheet values (1, '', 1, ['day', 'part_no', 'scrap'])");
      s.execute("insert into raw_row values (1, 'mes', 'h1', timestamp '2025-03-01 08:00', 'mes/m.csv', '', 2, false,"
          + " ['2025-02-03', 'V-1', '4'])");
      s.execute("insert into raw_value values (1, '', 2, 'scrap', 'scrap_units', '2025-02-03', date '2025-02-03', '4',"
          + " 4.0, 'V-1', null, null)");
      s.execute("insert into raw_quarantine values (1, 'mes', 'm.csv', '', 3, 'The value \"x\" is not a number.',"
          + " ['2025-02-04', 'V-1', 'x'])");
    }

    // when Plumbline opens it, twice
    Warehouse.open(file, "1GB", 1).close();
    try (Warehouse warehouse = Warehouse.open(file, "1GB", 1)) {
      Connection c = warehouse.connection();
      try (Statement s = c.createStatement()) {
        // then the load reads as before, through the views that replaced the tables
        assertThat(rows(s, "select load_id, source_id, content_hash, version_key, sheet_name, row_number, fields"
            + " from raw_row")).containsExactly("1|mes|h1|mes/m.csv||2|[2025-02-03, V-1, 4]");
        assertThat(rows(s, "select column_name, metric_name, period_text, period_date, value_text, value, part_id"
            + " from raw_value")).containsExactly("scrap|scrap_units|2025-02-03|2025-02-03|4|4.0|V-1");
        // and the rows are kept as they were written, not rewritten
        assertThat(rows(s, "select count(*) from raw_row_v1")).containsExactly("1");
        // and the migration was applied once and recorded
        assertThat(rows(s, "select string_agg(version::varchar, ',' order by version) from ledger_schema_version"))
            .containsExactly("1,2,3,5,6,8,9,10,11,12,13,14,15");
        // a load made before ledger V15 has no record of its settings: unknown, not other settings
        assertThat(rows(s, "select load_id, source_id, settings_fingerprint is null from load_settings"))
            .containsExactly("1|mes|true");
        // a file loaded before ledger V12 was received at its last-modified time
        assertThat(rows(s, "select file_modified_at = received_at from load_audit")).containsExactly("true");
        // rows quarantined before ledger V11 lie in no table of several
        assertThat(rows(s, "select row_number, '[' || table_name || ']' from raw_quarantine")).containsExactly("3|[]");
        // loads made before ledger V10 read as sheets of one table
        assertThat(rows(s, "select count(*) from raw_row where table_name = ''")).containsExactly("1");
        assertThat(rows(s, "select table_type from information_schema.tables where table_name = 'raw_value'"))
            .containsExactly("VIEW");

        // and a load written in the new layout reads through the same view, texts from its fields
        s.execute("insert into load_audit (load_id, content_hash, source_id, file_name, archive_path, file_size_bytes,"
            + " received_at, loaded_at, version_key, rows_read, rows_loaded, rows_skipped, config_version) values"
            + " (2, 'h2', 'mes', 'n.csv', 'archive/2-n.csv', 10, timestamp '2025-03-08 08:00', now(), 'mes/n.csv',"
            + " 1, 1, 0, 'v1')");
        s.execute("insert into raw_sheet values (2, '', 1, ['day', 'part_no', 'scrap'], 'column_per_metric', 1, 2,"
            + " null, null, '', null, null)");
        s.execute("insert into raw_record values (2, '', 2, false, ['2025-02-10', 'V-2', '5'], '', null, null)");
        s.execute("insert into raw_record_value values (2, '', 2, 3, 'scrap_units', date '2025-02-10', 5.0, null)");
        assertThat(rows(s, "select load_id, source_id, content_hash, received_at, fields from raw_row order by load_id"))
            .containsExactly("1|mes|h1|2025-03-01 08:00:00.0|[2025-02-03, V-1, 4]",
                "2|mes|h2|2025-03-08 08:00:00.0|[2025-02-10, V-2, 5]");
        assertThat(rows(s, "select column_name, period_text, value_text, value, part_id from raw_value order by load_id"))
            .containsExactly("scrap|2025-02-03|4|4.0|V-1", "scrap|2025-02-10|5|5.0|V-2");
        // rows loaded before ledger V14 name no department of their own: they are their source's
        assertThat(rows(s, "select count(*) from raw_value where department_text is null and department_code is null"))
            .containsExactly("2");
      }
    }
  }

  private static List<String> rows(Statement s, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (ResultSet r = s.executeQuery(sql)) {
      int n = r.getMetaData().getColumnCount();
      while (r.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(i > 1 ? "|" : "").append(r.getString(i) == null ? "" : r.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
