package org.plumbline.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.cli.ApplicationContexts;
import org.plumbline.demo.DemoInboxGenerator;
import org.plumbline.demo.DemoStory;
import org.plumbline.system.ExampleConfig;
import org.plumbline.system.PlumblineHome;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ConfigurableApplicationContext;

/** The Parquet lake read back by DuckDB's own Parquet reader, checked against the warehouse. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LakeExporterTests {

  PlumblineHome home;

  @BeforeAll
  void runTheNightlyJobOnTheDemo(@TempDir Path folder) throws Exception {
    home = new PlumblineHome(folder).createFolders();
    ExampleConfig.writeIfAbsent(home);
    new DemoInboxGenerator(DemoStory.load()).generate(home.inbox());
    try (ConfigurableApplicationContext context = ApplicationContexts.start(home)) {
      var execution = context.getBean(JobOperator.class).start(context.getBean("nightly", Job.class),
          new JobParametersBuilder().addString("asOf", "2026-01-31").toJobParameters());
      assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }
  }

  @Test
  void theLakeHoldsTheWarehousesObservationsAndFindingsPartitionedByMonth() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + home.warehouseFile());
        Statement s = c.createStatement()) {
      assertThat(row(s, "select count(*), round(sum(metric_value), 4) from stg_observation"))
          .isEqualTo(row(s, "select count(*), round(sum(metric_value), 4) from read_parquet('"
              + home.lake() + "/observations/*/*.parquet', hive_partitioning = true)"));
      // with the values a later delivery replaced (the demo's corrected June workbook) marked as
      // such, so that the values in force add up to the report's
      assertThat(row(s, "select count(*) filter (where is_current), count(*) filter (where not is_current),"
          + " round(sum(value_as_delivered) filter (where is_current), 4) from int_observation_current"))
          .isEqualTo(row(s, "select count(*) filter (where is_current), count(*) filter (where not is_current),"
              + " round(sum(metric_value) filter (where is_current), 4) from read_parquet('" + home.lake()
              + "/observations/*/*.parquet', hive_partitioning = true)"));
      assertThat(row(s, "select count(*) from int_observation_current where not is_current"))
          .isNotEqualTo("0");
      assertThat(row(s, "select count(*), round(sum(gap), 4) from fct_policy_breach"))
          .isEqualTo(row(s, "select count(*), round(sum(gap), 4) from read_parquet('"
              + home.lake() + "/policy_breaches/*/*.parquet', hive_partitioning = true)"));
      assertThat(row(s, "select count(*) from fct_reporting_discrepancy"))
          .isEqualTo(row(s, "select count(*) from read_parquet('"
              + home.lake() + "/reporting_discrepancies/*/*.parquet', hive_partitioning = true)"));
      // the partition column is the month the rows describe
      assertThat(row(s, "select min(period), max(period), count(distinct period) from read_parquet('"
          + home.lake() + "/policy_breaches/*/*.parquet', hive_partitioning = true)"))
          .isEqualTo("2025-07|2025-11|5");
    }
  }

  @Test
  void theLakeCarriesNoneOfThePersonalDataTheLedgerHolds() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + home.warehouseFile());
        Statement s = c.createStatement()) {
      // given every distinct value of the personal columns in the ledger (the complaints' contacts)
      s.execute("create temp table personal as select distinct r.fields[list_position(h.column_names,"
          + " m.column_name)] as person from raw_row r join raw_sheet h using (load_id, sheet_name)"
          + " join dim_confidential_column m on m.source_id = r.source_id and m.data_kind = 'personal'");
      assertThat(row(s, "select count(*) from personal where person like '% %'")).isEqualTo("7");

      // then no row of any lake table mentions one of them, in any column
      for (String table : LakeExporter.tables()) {
        assertThat(row(s, "select count(*) from read_parquet('" + home.lake() + "/" + table
            + "/*/*.parquet', hive_partitioning = true) as t join personal on contains(t::varchar, person)"))
            .as(table).isEqualTo("0");
      }
    }
  }

  @Test
  void reExportingAPeriodReplacesThatPartitionOnly() throws Exception {
    // given the lake as the nightly run wrote it
    Map<Path, FileTime> before = partitionFiles();
    Thread.sleep(20);

    // when one month is exported again
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + home.warehouseFile())) {
      int written = new LakeExporter(c, home.lake()).export(Set.of("2025-08"));
      assertThat(written).isEqualTo(LakeExporter.tables().size());
    }

    // then only that month's files are new; the rest are untouched
    Map<Path, FileTime> after = partitionFiles();
    assertThat(after.keySet()).isEqualTo(before.keySet());
    after.forEach((file, modified) -> {
      if (file.toString().contains("period=2025-08")) {
        assertThat(modified).as(file.toString()).isNotEqualTo(before.get(file));
      } else {
        assertThat(modified).as(file.toString()).isEqualTo(before.get(file));
      }
    });
  }

  private Map<Path, FileTime> partitionFiles() throws Exception {
    Map<Path, FileTime> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(home.lake())) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(home.lake().relativize(p), Files.getLastModifiedTime(p));
      }
    }
    return files;
  }

  private static String row(Statement s, String sql) throws Exception {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      StringBuilder b = new StringBuilder();
      for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
        b.append(i > 1 ? "|" : "").append(r.getString(i));
      }
      return b.toString();
    }
  }
}
