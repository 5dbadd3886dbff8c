package org.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plumbline.cli.ReloadCommandTests.deliver;
import static org.plumbline.cli.ReloadCommandTests.plumbline;
import static org.plumbline.cli.ReloadCommandTests.query;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.cli.CommandLineTests.Result;
import org.plumbline.report.PdfText;
import org.plumbline.system.ExampleConfig;
import org.plumbline.system.PlumblineHome;

/**
 * A source's settings changed after its files were loaded (ledger V15): the files stay as they
 * were read, and config check, the run's summary, status and the report's data-quality appendix
 * say so until {@code plumbline reload --source ID} reads them again. Real runs of the nightly job.
 */
class ReadUnderOtherSettingsTests {

  /** The plant's MES export, one file for several departments: the area column says whose a row is. */
  private static final String PLANT_ORDERS = """

      - id: plant_orders
        system: MES
        kind: system_of_record
        format: csv
        files: "plant_orders_*.csv"
        csv: { delimiter: "," }
        period: { column: day, grain: day }
        department_column: area
        metrics:
          - { column: qty, name: produced_units }
    """;

  private static final String WARNING = "1 of 1 loaded file of source plant_orders was read under other settings"
      + " than the config gives it now; its values stay as then read until"
      + " `plumbline reload --source plant_orders --reason TEXT` (columns, units, scale, periods, what was"
      + " quarantined, the departments a department column named), while the department a source is given and"
      + " the KPIs its names stand for follow the config now, at every run.";

  @Test
  void anAliasAddedAfterTheLoadIsSaidEverywhereUntilTheSourceIsReadAgain(@TempDir Path folder) throws Exception {
    // given an export loaded by a run while the warehouse's spelling "Lager" was no department's alias
    PlumblineHome home = homeWith(folder, PLANT_ORDERS);
    deliver(home, "plant_orders_2026-01.csv", "day,area,qty\n2026-01-05,Fertigung,10\n2026-01-05,Lager,4\n");
    Result first = plumbline(home, "run", "nightly");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).doesNotContain("other settings");
    assertThat(query(home, "select rows_loaded, rows_quarantined, settings_fingerprint is not null from load_audit"))
        .containsExactly(List.of(1L, 1L, true));

    // when a comment is added, nothing is said; when the steward adds the alias, config check warns
    edit(home, "departments.yml", "aliases: [Logistik]", "aliases: [Logistik]   # the warehouse team's own word");
    assertThat(plumbline(home, "config", "check").out()).doesNotContain("Warning");
    edit(home, "departments.yml", "aliases: [Logistik]", "aliases: [Logistik, Lager]");
    Result check = plumbline(home, "config", "check");
    assertThat(check.exitCode()).isZero();
    assertThat(check.out()).startsWith("Governance model OK").endsWith("\nWarning: " + WARNING + "\n");

    // and the next run's summary, status and the report's data-quality appendix say so
    Result second = plumbline(home, "run", "nightly");
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).contains("\n    ingest: " + WARNING + "\n");
    assertThat(plumbline(home, "status", "--last", "1").out()).contains("COMPLETED")
        .contains("\n    ingest: " + WARNING + "\n");
    assertThat(appendix(home)).contains("Files read under earlier settings plant_orders (MES): 1 file of 1 read under"
        + " earlier settings of this source; the figures from it are shown as then read.");

    // when the steward reads the source's files again
    Result reload = plumbline(home, "reload", "--source", "plant_orders", "--reason", "Lager is Logistics");
    assertThat(reload.exitCode()).as(reload.err()).isZero();

    // then the warning is gone: at once from config check, and from the next run, its status and its report
    assertThat(plumbline(home, "config", "check").out()).doesNotContain("Warning");
    Result third = plumbline(home, "run", "nightly");
    assertThat(third.exitCode()).as(third.err()).isZero();
    assertThat(third.out()).doesNotContain("other settings");
    assertThat(plumbline(home, "status", "--last", "1").out()).doesNotContain("other settings");
    assertThat(appendix(home)).doesNotContain("earlier settings");
    assertThat(query(home, "select department_code, value from raw_value order by all"))
        .containsExactly(List.of("LOG", 4.0), List.of("PROD", 10.0));
    assertThat(query(home, "select r.settings_fingerprint = s.settings_fingerprint from load_reading as r"
        + " join load_settings as l using (load_id) join dim_source as s using (source_id)"))
        .as("the reading keeps the settings it was made under").containsExactly(List.of(true));
  }

  @Test
  void aRunSaysOnceThatFilesLoadedBeforeSettingsWereKeptAreUnknown(@TempDir Path folder) throws Exception {
    // given a load as one made before ledger V15 left it: no fingerprint
    PlumblineHome home = homeWith(folder, PLANT_ORDERS);
    deliver(home, "plant_orders_2026-01.csv", "day,area,qty\n2026-01-05,Fertigung,10\n");
    assertThat(plumbline(home, "run", "nightly").exitCode()).isZero();
    execute(home, "update load_audit set settings_fingerprint = null");
    execute(home, "delete from reconcile_run"); // as if no run had reconciled since the upgrade
    edit(home, "departments.yml", "aliases: [Logistik]", "aliases: [Logistik, Lager]");

    // when the next runs run
    Result first = plumbline(home, "run", "nightly");
    Result second = plumbline(home, "run", "nightly");

    // then the first says the load is unknown, not read under other settings, and the second says nothing
    assertThat(first.out()).contains("\n    ingest: 1 loaded file was loaded before Plumbline kept the settings a file"
        + " is read under: whether it was read under the config now is unknown, so it is not counted as read under"
        + " other settings (said once; `plumbline reload --source ID --reason TEXT` reads a source's files again and"
        + " keeps their settings).\n").doesNotContain("of source plant_orders");
    assertThat(second.out()).doesNotContain("ingest: ");
    assertThat(appendix(home)).doesNotContain("earlier settings");
  }

  private static PlumblineHome homeWith(Path folder, String source) throws Exception {
    PlumblineHome home = new PlumblineHome(folder).createFolders();
    ExampleConfig.writeIfAbsent(home);
    Path sources = home.governance().resolve("sources.yml");
    Files.writeString(sources, Files.readString(sources) + source, StandardCharsets.UTF_8);
    return home;
  }

  private static void edit(PlumblineHome home, String file, String from, String to) throws Exception {
    Path path = home.governance().resolve(file);
    String text = Files.readString(path, StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
  }

  private static void execute(PlumblineHome home, String sql) throws Exception {
    try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + home.warehouseFile());
        var s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** The executive summary's text from its data-quality appendix on, single-spaced. */
  private static String appendix(PlumblineHome home) throws Exception {
    String text = PdfText.of(home.outbox().resolve("executive-summary_as-of-" + LocalDate.now() + ".pdf"));
    return text.substring(Math.max(0, text.lastIndexOf("Appendix: data quality")));
  }
}
