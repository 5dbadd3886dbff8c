package org.plumbline.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every analysts' view and column is explained, and docs/data-dictionary.md is up to date. */
class DataDictionaryTests {

  static final Path DOC = Path.of("../docs/data-dictionary.md");

  @TempDir
  Path folder;

  @Test
  void everyColumnOfEveryAnalystViewHasAComment() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      // given a reconciled warehouse
      fixture.mesDay("2025-07-14", 100, 90).reconcile("2025-07-31");

      // then
      assertThat(fixture.query("select count(*) from duckdb_views() where view_name like 'v\\_%' escape '\\'"))
          .containsExactly(List.of(7L));
      assertThat(fixture.query("select view_name from duckdb_views() where view_name like 'v\\_%' escape '\\'"
          + " and comment is null")).isEmpty();
      assertThat(fixture.query("select c.table_name || '.' || c.column_name from duckdb_columns() c"
          + " join duckdb_views() v on v.view_name = c.table_name"
          + " where c.table_name like 'v\\_%' escape '\\' and c.comment is null")).isEmpty();
      assertThat(fixture.query("select count(*) from v_finding_row").get(0).get(0)).isEqualTo(1L);
    }
  }

  @Test
  void everyFactAndDimensionTableAndColumnHasAComment() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      // given a reconciled warehouse
      fixture.mesDay("2025-07-14", 100, 90).reconcile("2025-07-31");

      // then: 17 fact tables (fct_finding, its details, lineage and status, the control charts) and 36
      // dimensions, all explained
      assertThat(fixture.query("select count(*) filter (where table_name like 'fct%'),"
          + " count(*) filter (where table_name like 'dim%') from duckdb_tables()"
          + " where table_name like 'fct\\_%' escape '\\' or table_name like 'dim\\_%' escape '\\'"))
          .containsExactly(List.of(17L, 36L));
      assertThat(fixture.query("select table_name from duckdb_tables() where (table_name like 'fct\\_%' escape '\\'"
          + " or table_name like 'dim\\_%' escape '\\') and comment is null order by 1")).isEmpty();
      assertThat(fixture.query("select c.table_name || '.' || c.column_name from duckdb_columns() c"
          + " join duckdb_tables() t using (table_name) where (c.table_name like 'fct\\_%' escape '\\'"
          + " or c.table_name like 'dim\\_%' escape '\\') and c.comment is null order by 1")).isEmpty();
    }
  }

  @Test
  void everyReportTableTheDictionaryListsHasEveryColumnExplained() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      // given a reconciled warehouse
      fixture.mesDay("2025-07-14", 100, 90).reconcile("2025-07-31");

      // then the report tables with a comment (the ones docs/data-dictionary.md lists) explain every
      // column: the chart of self-reported vs measured, the ranking of the summary's worst gaps and its
      // headline, the headlines by policy, the appendix's times of receipt and its sources read under
      // earlier settings, the triad scorecard per period of the common grain
      assertThat(fixture.query("select table_name from duckdb_tables() where table_name like 'rpt\\_%' escape '\\'"
          + " and comment is not null order by 1")).containsExactly(List.of("rpt_coverage_by_period"),
          List.of("rpt_file_delivery"), List.of("rpt_headline"), List.of("rpt_stale_reading"),
          List.of("rpt_summary_headline"), List.of("rpt_top_gap"), List.of("rpt_triad_scorecard"));
      assertThat(fixture.query("select c.table_name || '.' || c.column_name from duckdb_columns() c"
          + " join duckdb_tables() t using (table_name) where c.table_name like 'rpt\\_%' escape '\\'"
          + " and t.comment is not null and c.comment is null order by 1")).isEmpty();
    }
  }

  @Test
  void theDataDictionaryInDocsIsTheOneTheWarehouseGenerates() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      fixture.prodSheet("prod_2025-06.csv", LocalDateTime.parse("2025-07-03T08:00"), List.of()).reconcile("2025-07-31");
      String generated = DataDictionary.markdown(fixture.connection());
      Files.writeString(Path.of("target/data-dictionary.md"), generated);

      assertThat(DOC).as("docs/data-dictionary.md is stale: copy jobs/target/data-dictionary.md over it")
          .hasContent(generated);
    }
  }
}
