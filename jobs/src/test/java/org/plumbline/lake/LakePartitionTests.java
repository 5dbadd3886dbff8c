package org.plumbline.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.reconcile.FindingFixture;
import org.plumbline.system.SqlScript;

/**
 * The lake files a week under the month it counts in, by its Thursday, as the reports do; a
 * lake written by the earlier rule (the Monday's month) is rewritten without a stale copy.
 * A real reconciliation (FindingFixture: POL-INSP-001 100% until 30 June, 95% from 1 July) and
 * DuckDB's own Parquet reader.
 */
class LakePartitionTests {

  @TempDir
  Path dir;

  @Test
  void aWeekIsFiledUnderTheMonthOfItsThursdayAndLeavesNoCopyInTheMonthOfItsMonday() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(dir.resolve("home"), FindingFixture.GOVERNANCE, "")) {
      // given breaches in 2025-W27 (Mon 30 Jun, Thu 3 Jul: 99% against v1's 100%), W31 (Mon 28 Jul,
      // Thu 31 Jul, ends 3 Aug: 80%) and W36 (Mon 1 Sep: 90%); W32 (Mon 4 Aug) met
      fixture.mesDay("2025-06-30", 100, 99).mesDay("2025-07-28", 100, 80).mesDay("2025-08-04", 100, 96)
          .mesDay("2025-09-01", 100, 90);
      // and production's weekly sheet for W27, dated by its Monday 30 June
      fixture.prodSheet("prod_2025-w27.csv", LocalDateTime.parse("2025-07-05T10:00"),
          List.of(List.of("2025-06-30", "100", "99"))).reconcile("2025-09-10");
      Path lake = dir.resolve("lake");
      // and the lake as the earlier rule filed W27: under June, the month of its Monday
      try (Statement s = fixture.connection().createStatement()) {
        SqlScript.execute(fixture.connection(), "sql/lake/policy_breaches.sql");
        Path june = Files.createDirectories(lake.resolve("policy_breaches/period=2025-06"));
        s.execute("copy (select * exclude (period) from lake_rows where iso_week = '2025-W27') to '"
            + june.resolve("data.parquet") + "' (format parquet)");
      }

      // when the lake is exported
      new LakeExporter(fixture.connection(), lake).export(Set.of());

      // then W27 and W31 are July's, W36 September's, each once; June's stale partition is gone
      assertThat(rows(fixture, "select period, iso_week from read_parquet('" + lake
          + "/policy_breaches/*/*.parquet', hive_partitioning = true) order by week_start"))
          .containsExactly("2025-07 2025-W27", "2025-07 2025-W31", "2025-09 2025-W36");
      try (Stream<Path> partitions = Files.list(lake.resolve("policy_breaches"))) {
        assertThat(partitions.map(p -> p.getFileName().toString()).sorted().toList())
            .containsExactly("period=2025-07", "period=2025-09");
      }
      // and the observations too: production's W27 values (units, inspected %) are July's, the
      // MES day 30 June is June's (a day is its own date)
      assertThat(rows(fixture, "select period, source_id, count(*) from read_parquet('" + lake
          + "/observations/*/*.parquet', hive_partitioning = true) group by all order by 1, 2"))
          .containsExactly("2025-06 mes 2", "2025-07 mes 2", "2025-07 prod_sheet 2", "2025-08 mes 2", "2025-09 mes 2");
    }
  }

  private static List<String> rows(FindingFixture fixture, String sql) throws Exception {
    try (Statement s = fixture.connection().createStatement(); ResultSet r = s.executeQuery(sql)) {
      List<String> rows = new ArrayList<>();
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(String.valueOf(r.getObject(i)));
        }
        rows.add(String.join(" ", values));
      }
      return rows;
    }
  }
}
