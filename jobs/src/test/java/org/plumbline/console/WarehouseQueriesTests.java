package org.plumbline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.system.Warehouse;

/** The console's quarantine and rejected-file queries (sql/ops/) on a real DuckDB file, with their filters. */
class WarehouseQueriesTests {

  @Test
  void theQuarantineBrowserFiltersByRunFileAndReason(@TempDir Path folder) throws Exception {
    try (Warehouse warehouse = Warehouse.open(folder.resolve("w.duckdb"), "256MB", 1)) {
      // given two loads of two runs, each with a quarantined row, and one rejected file
      try (Statement s = warehouse.connection().createStatement()) {
        s.execute("""
            insert into load_audit (load_id, content_hash, source_id, file_name, archive_path, file_size_bytes,
                received_at, loaded_at, version_key, rows_read, rows_loaded, rows_skipped, job_execution_id,
                config_version)
            values
              (1, 'h1', 'prod', 'Produktion_KPI_2025-07.xlsx', 'archive/1-a', 10, now(), now(), 'k1', 5, 5, 0, 7, 'v1'),
              (2, 'h2', 'erp', 'erp_production_2025-07.csv', 'archive/2-b', 10, now(), now(), 'k2', 5, 5, 0, 8, 'v1');
            insert into raw_quarantine values
              (1, 'prod', 'Produktion_KPI_2025-07.xlsx', 'KPI', 12, 'The value "98,x %" is not a number.',
               ['KW 27', '98,x %'], 'weekly', null),
              (2, 'erp', 'erp_production_2025-07.csv', '', 40, 'The period "2025-13-01" is not a date.',
               ['2025-13-01', '120'], '', null);
            insert into file_delivery values
              (1, 'h3', 'Logistik_Q3.csv', 'logistics', now(), now(), 'rejected', null, 'The file has no header row.');
            """);
      }
      WarehouseQueries queries = new WarehouseQueries(warehouse);

      // then unfiltered shows both quarantined rows, and each filter narrows to the matching one
      assertThat(queries.query("sql/ops/quarantined_rows.sql", null, null, null).rows()).hasSize(2);
      var byRun = queries.query("sql/ops/quarantined_rows.sql", 7L, null, null).rows();
      assertThat(byRun).singleElement().satisfies(row -> {
        assertThat(row).containsEntry("file_name", "Produktion_KPI_2025-07.xlsx").containsEntry("row_number", 12)
            .containsEntry("table_name", "weekly")
            .containsEntry("reason", "The value \"98,x %\" is not a number.")
            .containsEntry("raw_text", "KW 27 | 98,x %");
      });
      assertThat(queries.query("sql/ops/quarantined_rows.sql", null, "ERP_", null).rows())
          .extracting(r -> r.get("row_number")).containsExactly(40);
      assertThat(queries.query("sql/ops/quarantined_rows.sql", null, null, "not a date").rows())
          .extracting(r -> r.get("run_id")).containsExactly(8L);
      assertThat(queries.query("sql/ops/quarantined_rows.sql", 7L, null, "not a date").rows()).isEmpty();
      assertThat(queries.query("sql/ops/rejected_files.sql", "logistik", "header").rows())
          .extracting(r -> r.get("file_name")).containsExactly("Logistik_Q3.csv");
      assertThat(queries.query("sql/ops/rejected_files.sql", "mes", null).rows()).isEmpty();
    }
  }

  @Test
  void beforeAnyLoadTheQuarantineIsEmpty(@TempDir Path folder) {
    try (Warehouse warehouse = Warehouse.open(folder.resolve("w.duckdb"), "256MB", 1)) {
      var result = new WarehouseQueries(warehouse).query("sql/ops/quarantined_rows.sql", null, null, null);
      assertThat(result.rows()).isEmpty();
      assertThat(result.problem()).isEmpty();
    }
  }
}
