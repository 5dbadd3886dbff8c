package org.plumbline.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.cli.ApplicationContexts;
import org.plumbline.cli.PlumblineCommand;
import org.plumbline.demo.DemoInboxGenerator;
import org.plumbline.demo.DemoStory;
import org.plumbline.publish.SnapshotPublisher;
import org.plumbline.system.ExampleConfig;
import org.plumbline.system.PlumblineHome;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * `plumbline erase` on the demo, end to end: a real contact from the generated CRM exports is
 * gone from every table and every file under the home folder, the log says what was done
 * without naming the person, the analysts' guide's queries work on the republished snapshot,
 * and the nightly job runs on with the same findings.
 */
class ErasureTests {

  static final String FINDINGS = "select (select string_agg(finding_key || ':' || round(gap, 6), ',' order by finding_key)"
      + " from fct_policy_breach), (select string_agg(finding_key || ':' || round(gap, 6), ',' order by finding_key)"
      + " from fct_reporting_discrepancy), (select count(*) || ':' || round(sum(metric_value), 4) from stg_observation)";

  @Test
  void erasesAContactFromEveryTableAndFileLogsItAndTheNightlyJobRunsOnWithTheSameFindings(@TempDir Path folder)
      throws Exception {
    // given the demo loaded, and the contact who raised the most complaints in the CRM exports
    PlumblineHome home = new PlumblineHome(folder).createFolders();
    ExampleConfig.writeIfAbsent(home);
    new DemoInboxGenerator(DemoStory.load()).generate(home.inbox());
    runNightly(home);
    String contact = one(home, "select contact_name from read_json('" + home.archive() + "/*crm_complaints*.json')"
        + " group by all order by count(*) desc, 1 limit 1");
    String findingsBefore = one(home, FINDINGS);
    String rowsHoldingTheContact = one(home, "select count(*) from raw_row where list_contains(fields, '"
        + contact.replace("'", "''") + "')");
    assertThat(Long.parseLong(rowsHoldingTheContact)).isGreaterThan(5);
    // the archived CRM exports, named by their load ids
    List<String> crmArchives = List.of(one(home, "select string_agg(archive_path, ',' order by file_name)"
        + " from load_audit where source_id = 'crm_complaints'").split(","));
    assertThat(crmArchives).hasSize(4);
    assertThat(placesHolding(home, contact)).contains("warehouse/plumbline.duckdb", crmArchives.get(2));

    // when the operator erases the contact, named in other letter case
    int exit = PlumblineCommand.execute("--home", home.root().toString(), "erase",
        "--person", contact.toUpperCase(Locale.ROOT), "--requested-by", "Data protection officer",
        "--reason", "Request DSR-2026-014");

    // then no table and no file under the home folder holds the name
    assertThat(exit).isZero();
    assertThat(placesHolding(home, contact)).isEmpty();
    assertThat(one(home, "select count(*) from raw_row where list_contains(fields, '[erased]')"))
        .isEqualTo(rowsHoldingTheContact);

    // and the log says when, who, why, a hash of the name and where, never the name
    assertThat(one(home, "select requested_by || '|' || reason || '|' || person_sha256 || '|' || occurrences"
        + " from erasure_log")).isEqualTo("Data protection officer|Request DSR-2026-014|"
        + sha256(contact.toLowerCase(Locale.ROOT)) + "|" + (Long.parseLong(rowsHoldingTheContact) * 2));
    assertThat(one(home, "select verified from erasure_log")).isEqualTo("true");
    assertThat(one(home, "select string_agg(place || '=' || items || '/' || occurrences, ', ' order by place)"
        + " from erasure_log_place")).isEqualTo(crmArchives.get(0) + "=1/1, " + crmArchives.get(1) + "=1/2, "
        + crmArchives.get(2) + "=1/3, " + crmArchives.get(3) + "=1/4, ledger raw_row=10/10");

    // and the queries of docs/analysts.md run on the republished snapshot as the guide says
    try (Connection analyst = DriverManager.getConnection("jdbc:duckdb:" + SnapshotPublisher.current(home));
        Statement s = analyst.createStatement()) {
      List<String> blocks = sqlBlocks(Path.of("../docs/analysts.md"));
      assertThat(blocks).hasSize(3);
      assertThat(firstRow(s, blocks.get(0))).isEqualTo("[masked]|50");
      assertThat(firstRow(s, blocks.get(1).split(";")[1])).isEqualTo("1|" + crmArchives.get(0) + "|1|1");
      assertThat(firstRow(s, blocks.get(2))).isEqualTo(
          "2025-08-25|100.0|1.0|Produktion_KPI_2025-08.xlsx|2025-09-04 14:40:00.0|Weekly KPIs|7");
    }

    // and the nightly job still runs, with the findings it had before
    runNightly(home);
    assertThat(one(home, FINDINGS)).isEqualTo(findingsBefore);
    assertThat(placesHolding(home, contact)).isEmpty();
  }

  private static void runNightly(PlumblineHome home) throws Exception {
    try (ConfigurableApplicationContext context = ApplicationContexts.start(home)) {
      var execution = context.getBean(JobOperator.class).start(context.getBean("nightly", Job.class),
          new JobParametersBuilder().addString("asOf", "2026-01-31").addLong("run", System.nanoTime())
              .toJobParameters());
      assertThat(execution.getStatus()).as("%s", execution.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
    }
  }

  /**
   * Every file under the home folder that holds the name, looked at independently of the code
   * under test: each DuckDB file both as bytes and through every table, Parquet through
   * DuckDB, XLSX unzipped, PDFs as their text, anything else as UTF-8 and Latin-1 bytes.
   */
  static List<String> placesHolding(PlumblineHome home, String name) throws Exception {
    String lower = name.toLowerCase(Locale.ROOT);
    List<String> places = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(home.root())) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      String fileName = file.getFileName().toString();
      byte[] bytes = Files.readAllBytes(file);
      boolean holds = new String(bytes, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).contains(lower)
          || new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT).contains(lower);
      if (fileName.endsWith(".duckdb")) {
        holds |= tablesHold(file, lower);
      } else if (fileName.endsWith(".parquet")) {
        holds |= count("select count(*) from read_parquet('" + file + "') t where contains(lower(t::varchar), '"
            + lower.replace("'", "''") + "')", null) > 0;
      } else if (fileName.endsWith(".xlsx")) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
          for (ZipEntry entry : Collections.list(zip.entries())) {
            try (InputStream in = zip.getInputStream(entry)) {
              holds |= new String(in.readAllBytes(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).contains(lower);
            }
          }
        }
      } else if (fileName.endsWith(".pdf")) {
        try (var pdf = Loader.loadPDF(bytes)) {
          holds |= new PDFTextStripper().getText(pdf).toLowerCase(Locale.ROOT).contains(lower);
        }
      }
      if (holds) {
        places.add(home.root().relativize(file).toString());
      }
    }
    return places;
  }

  private static boolean tablesHold(Path file, String lower) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement s = c.createStatement();
        ResultSet tables = s.executeQuery("select schema_name || '.' || table_name from duckdb_tables()")) {
      List<String> names = new ArrayList<>();
      while (tables.next()) {
        names.add(tables.getString(1));
      }
      for (String table : names) {
        if (count("select count(*) from query_table(?) t where contains(lower(t::varchar), ?)", c, table, lower) > 0) {
          return true;
        }
      }
      return false;
    }
  }

  private static long count(String sql, Connection given, String... parameters) throws Exception {
    Connection c = given != null ? given : DriverManager.getConnection("jdbc:duckdb:");
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setString(i + 1, parameters[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    } finally {
      if (given == null) {
        c.close();
      }
    }
  }

  private static String one(PlumblineHome home, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + home.warehouseFile());
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }

  /** The ```sql blocks of a Markdown file, comments and trailing semicolon removed. */
  private static List<String> sqlBlocks(Path markdown) throws Exception {
    String[] parts = Files.readString(markdown).split("```sql\n");
    List<String> blocks = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      String block = parts[i].substring(0, parts[i].indexOf("```"));
      blocks.add(block.replaceAll("(?m)--.*$", "").strip().replaceAll(";$", ""));
    }
    return blocks;
  }

  private static String firstRow(Statement s, String sql) throws Exception {
    try (ResultSet r = s.executeQuery(sql)) {
      assertThat(r.next()).as(sql).isTrue();
      List<String> values = new ArrayList<>();
      for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
        values.add(r.getString(i));
      }
      return String.join("|", values);
    }
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
