package org.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.cli.CommandLineTests.Result;
import org.plumbline.operations.ChildProcessRun;
import org.plumbline.system.ExampleConfig;
import org.plumbline.system.PlumblineHome;
import org.plumbline.system.Warehouse;

/** `plumbline reload`: a loaded file read again under the fixed config, as a steward runs it. */
class ReloadCommandTests {

  /** A system's daily export whose quantities the first config wrongly scales by 1000. */
  private static final String SCRAP = """

      - id: test_scrap
        system: MES
        kind: system_of_record
        format: csv
        files: "scrap_*.csv"
        csv: { delimiter: "," }
        period: { column: day, grain: day }
        metrics:
          - { column: qty, name: produced_units, scale: 1000 }
    """;

  @Test
  void aReloadCorrectsTheValuesAndTheNextRunReportsThemAsTheSameDelivery(@TempDir Path folder) throws Exception {
    // given a file loaded by a run under a scale of 1000 that should have been none
    PlumblineHome home = homeWithScrapSource(folder);
    deliver(home, "scrap_2026-01.csv", "day,qty\n2026-01-05,12\n2026-01-06,15\n2026-01-07,x\n");
    assertThat(plumbline(home, "run", "nightly").exitCode()).isZero();
    List<List<Object>> load = query(home, "select load_id, content_hash, received_at, version_key, rows_read,"
        + " rows_loaded, rows_quarantined from load_audit");

    // when the steward fixes the scale and reloads the load
    fixSources(home, "produced_units, scale: 1000 }", "produced_units }");
    Result reload = plumbline(home, "reload", "1", "--reason", "qty is in units, not thousands", "--by", "A. Weber");

    // then it says what changed and that the next run follows
    assertThat(reload.exitCode()).as(reload.err()).isZero();
    assertThat(reload.out()).isEqualTo("Load 1 (scrap_2026-01.csv), reading 1: 2 values (2 before), 2 changed;"
        + " rows read 3 → 3, loaded 2 → 2, quarantined 1 → 1, skipped 0 → 0.\n"
        + "The next `plumbline run nightly` (or `plumbline run nightly PERIOD` for a past period) rebuilds the"
        + " findings and reports from the new readings.\n");
    assertThat(query(home, "select metric_value from stg_observation where load_id = 1 order by period_date"))
        .as("staging before the next run").containsExactly(List.of(12000.0), List.of(15000.0));

    // when the next run rebuilds
    assertThat(plumbline(home, "run", "nightly").exitCode()).isZero();

    // then staging has the corrected values from the same load, still the version in force, and no revision
    assertThat(query(home, "select metric_value, is_current_version from stg_observation where load_id = 1"
        + " order by period_date")).containsExactly(List.of(12.0, true), List.of(15.0, true));
    assertThat(query(home, "select count(*) from fct_retroactive_revision")).containsExactly(List.of(0L));
    assertThat(query(home, "select count(*) from fct_finding where finding_type = 'retroactive_revision'"))
        .containsExactly(List.of(0L));
    assertThat(query(home, "select load_id, content_hash, received_at, version_key, rows_read, rows_loaded,"
        + " rows_quarantined from load_audit")).isEqualTo(load);
    assertThat(query(home, "select reading_id is null, sum(value) from raw_record_value group by all order by all"))
        .containsExactly(List.of(false, 27.0), List.of(true, 27000.0));
    assertThat(query(home, "select count(*) from rpt_quarantine")).containsExactly(List.of(1L));
    assertThat(query(home, "select reason, requested_by from load_reading"))
        .containsExactly(List.of("qty is in units, not thousands", "A. Weber"));
  }

  @Test
  void usageMistakesExitTwoInOneSentenceAndReadNothing(@TempDir Path folder) throws Exception {
    // given a home with a warehouse and one load
    PlumblineHome home = homeWithScrapSource(folder);
    try (Warehouse w = Warehouse.open(home.warehouseFile(), "1GB", 1)) {
      w.connection();
    }

    // when and then: each mistake is refused with one sentence
    assertUsage(plumbline(home, "reload", "1"),
        "Say why the loads are read again with --reason TEXT; the ledger keeps it with each new reading.");
    assertUsage(plumbline(home, "reload", "--reason", "why"), "Name the loads to read again (plumbline reload"
        + " LOAD_ID… --reason TEXT) or a source whose loads to read again (--source SOURCE_ID).");
    assertUsage(plumbline(home, "reload", "twelve", "--reason", "why"), "'twelve' is no load id: a load id is a"
        + " number (load_audit.load_id), e.g. `plumbline reload 12 --reason TEXT`.");
    assertUsage(plumbline(home, "reload", "7", "9", "--reason", "why"),
        "There are no loads [7, 9] in the ledger; nothing was read again (load ids are load_audit.load_id).");
    assertUsage(plumbline(home, "reload", "--source", "test_scrap", "--reason", "why"), "No file of source"
        + " 'test_scrap' was loaded, so there is nothing to read again (source ids are in"
        + " config/governance/sources.yml).");
    assertThat(query(home, "select count(*) from load_reading")).containsExactly(List.of(0L));
    Result help = plumbline(home, "reload", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).startsWith("Usage: plumbline reload").contains("--reason=TEXT", "--source=SOURCE_ID",
        "For reload, 1 means a load could not be read again");
  }

  @Test
  void whileARunHoldsTheWarehouseReloadSaysItIsBusyAndChangesNothing(@TempDir Path folder) throws Exception {
    // given a run in another process, part-way through loading many small exports
    PlumblineHome home = new PlumblineHome(folder).createFolders();
    ExampleConfig.writeIfAbsent(home);
    for (int i = 0; i < 80; i++) {
      deliver(home, String.format("erp_production_2026-01-extra-%03d.csv", i),
          "posting_date,plant,part_no,qty_good,qty_scrap,scrap_cost_eur,rework_cost_eur\n"
              + "2026-01-05,DE10,EV-2207," + (700 + i) + ",1,10.00,0.00\n");
    }
    Process child = ChildProcessRun.start(home, "2026-01-31");
    ChildProcessRun.awaitArchivedFiles(home, 2, child);

    // when the steward reloads a load it has made
    Result reload = plumbline(home, "reload", "1", "--reason", "decimal comma");

    // then the warehouse is busy; once the run is stopped, nothing was read again and every load is whole
    assertThat(reload.exitCode()).isEqualTo(4);
    assertThat(reload.err()).contains("is in use by another Plumbline process; only one may write it at a time.");
    child.destroy();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(query(home, "select count(*) from load_reading")).containsExactly(List.of(0L));
    assertThat(query(home, "select count(*) from load_audit where rows_loaded = 1")).isEqualTo(
        query(home, "select count(*) from load_audit"));
    assertThat(query(home, "select count(*) from raw_record where reading_id is not null")).containsExactly(List.of(0L));
  }

  private static void assertUsage(Result result, String sentence) {
    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.err().strip()).isEqualTo(sentence);
  }

  static PlumblineHome homeWithScrapSource(Path folder) throws Exception {
    PlumblineHome home = new PlumblineHome(folder).createFolders();
    ExampleConfig.writeIfAbsent(home);
    Path sources = home.governance().resolve("sources.yml");
    Files.writeString(sources, Files.readString(sources) + SCRAP, StandardCharsets.UTF_8);
    return home;
  }

  static void fixSources(PlumblineHome home, String wrong, String right) throws Exception {
    Path sources = home.governance().resolve("sources.yml");
    String text = Files.readString(sources, StandardCharsets.UTF_8);
    assertThat(text).contains(wrong);
    Files.writeString(sources, text.replace(wrong, right), StandardCharsets.UTF_8);
  }

  /** A file written an hour ago: one written in the last seconds waits for the next run. */
  static void deliver(PlumblineHome home, String name, String text) throws Exception {
    Path file = Files.writeString(home.inbox().resolve(name), text, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
  }

  static Result plumbline(PlumblineHome home, String... args) {
    List<String> all = new ArrayList<>(List.of("--home", home.root().toString()));
    all.addAll(List.of(args));
    return CommandLineTests.plumbline(all.toArray(String[]::new));
  }

  static List<List<Object>> query(PlumblineHome home, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + home.warehouseFile());
        Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
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
