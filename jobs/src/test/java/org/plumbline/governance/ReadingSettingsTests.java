package org.plumbline.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source's reading fingerprint (ledger V15) changes exactly when what reading its files depends
 * on changes: its entry as parsed, its department's KPI units and valid ranges, a department
 * column's names, the plant's time zone; not the way the YAML is written, and not what no reading
 * applies. Each case edits the example model and compares every source's fingerprint.
 */
class ReadingSettingsTests {

  @TempDir Path dir;

  @BeforeEach
  void copyTheExample() throws IOException {
    try (Stream<Path> files = Files.list(GovernanceLoaderTests.EXAMPLE)) {
      for (Path file : files.toList()) {
        Files.copy(file, dir.resolve(file.getFileName()));
      }
    }
  }

  @Test
  void theSameSettingsWrittenOtherwiseKeepEveryFingerprint() throws Exception {
    // given the example, and the same settings with comments, keys in another order and a block map
    Map<String, String> before = fingerprints();
    edit("sources.yml", "  - id: prod_weekly_kpis\n    department: PROD\n    kind: self_reported\n",
        "  - id: prod_weekly_kpis   # Production's own sheet\n    kind: self_reported\n    department: PROD\n");
    edit("sources.yml", "    csv: { delimiter: \";\", decimal: \",\", date_format: \"%d.%m.%Y\" }\n"
        + "    period: { column: Auditdatum, grain: day }",
        "    csv:\n      date_format: \"%d.%m.%Y\"\n      decimal: \",\"\n      delimiter: \";\"\n"
        + "    period: { grain: day, column: Auditdatum }");
    edit("departments.yml", "    aliases: [Logistik]", "    aliases: [Logistik]   # as the warehouse writes it");

    // then nothing changed
    assertThat(changed(before, fingerprints())).isEmpty();
  }

  @Test
  void eachSettingTheReadingTakesChangesItsSourcesFingerprintOnly() throws Exception {
    assertChanges(Set.of("prod_weekly_kpis"), "sources.yml", "    header_row: 3", "    header_row: 4");
    assertChanges(Set.of("prod_weekly_kpis"), "sources.yml", "(total|summe)", "(total|summe|gesamt)");
    assertChanges(Set.of("prod_weekly_kpis"), "sources.yml", "{ column: Critical parts inspected, unit: fraction }",
        "{ column: Critical parts inspected }");
    assertChanges(Set.of("erp_production"), "sources.yml", "{ column: qty_good, name: good_units }",
        "{ column: qty_good, name: good_units, scale: 1000 }");
    assertChanges(Set.of("erp_production"), "sources.yml", "{ column: qty_scrap, name: scrap_units }",
        "{ column: qty_scrapped, name: scrap_units }");
    assertChanges(Set.of("qual_audit_scores"), "sources.yml",
        "csv: { delimiter: \";\", decimal: \",\", date_format: \"%d.%m.%Y\" }\n    period: { column: Auditdatum",
        "csv: { delimiter: \";\", decimal: \".\", date_format: \"%d.%m.%Y\" }\n    period: { column: Auditdatum");
    assertChanges(Set.of("erp_production"), "sources.yml", "    attributes: { part_id: part_no }\n    metrics:\n"
        + "      - { column: qty_good", "    attributes: { part_id: part_no }\n    department_column: plant\n"
        + "    metrics:\n      - { column: qty_good");
    // a department's KPI: its unit and valid range, for its own sheets only (the MES measures it unconverted)
    assertChanges(Set.of("log_weekly_report"), "kpis.yml", "    unit: percent\n    direction: higher_is_better\n"
        + "    target: 95\n    owner_role: head_of_logistics", "    unit: fraction\n    direction: higher_is_better\n"
        + "    target: 95\n    owner_role: head_of_logistics");
    assertChanges(Set.of("prod_weekly_kpis"), "kpis.yml", "    tolerance: 0.5\n    valid_range: { min: 0, max: 100 }",
        "    tolerance: 0.5\n    valid_range: { min: 50, max: 100 }");
    // the plant's time zone, in which an instant's day is read: every source
    assertChanges(fingerprints().keySet(), "calendar.yml", "Europe/Berlin", "America/Chicago");
  }

  @Test
  void aDepartmentsSpellingsCountForASourceWithADepartmentColumnOnly() throws Exception {
    // given the ERP export naming each row's department
    edit("sources.yml", "    attributes: { part_id: part_no }\n    metrics:\n      - { column: qty_good",
        "    attributes: { part_id: part_no }\n    department_column: plant\n    metrics:\n      - { column: qty_good");

    // then a new alias changes its fingerprint and no other; the same spellings in another order do not
    assertChanges(Set.of("erp_production"), "departments.yml", "aliases: [Logistik]", "aliases: [Logistik, Lager]");
    assertChanges(Set.of(), "departments.yml", "aliases: [Produktion, Fertigung]", "aliases: [Fertigung, Produktion]");
  }

  @Test
  void whatNoReadingAppliesChangesNoFingerprint() throws Exception {
    assertChanges(Set.of(), "sources.yml", "files: \"erp_production_*.csv\"", "files: \"erp_prod_*.csv\"");
    assertChanges(Set.of(), "sources.yml", "    system: ERP\n", "    system: SAP\n");
    assertChanges(Set.of(), "sources.yml", "    attributes: { part_id: part_no }\n    metrics:\n      - { column: qty_good",
        "    attributes: { part_id: part_no }\n    version_key: periods\n    metrics:\n      - { column: qty_good");
    // a KPI's name, target, tolerance and aggregation are applied by every run, not at load
    assertChanges(Set.of(), "kpis.yml", "    name: Quality audit score", "    name: Audit score");
    assertChanges(Set.of(), "kpis.yml", "    target: 95\n    owner_role: head_of_quality\n    tolerance: 0\n",
        "    target: 90\n    owner_role: head_of_quality\n    tolerance: 2\n    aggregation: mean\n");
    // aliases, where no source names its rows' departments
    assertChanges(Set.of(), "departments.yml", "aliases: [Logistik]", "aliases: [Logistik, Lager]");
    // a local KPI name Production's sheet, a column per metric, does not read
    assertChanges(Set.of(), "departments.yml", "      \"Output per shift\": output_per_shift",
        "      \"Output per shift\": output_per_shift\n      \"Rework hours\": output_per_shift");
  }

  private void assertChanges(Set<String> expected, String file, String from, String to) throws IOException {
    Map<String, String> before = fingerprints();
    String text = edit(file, from, to);
    assertThat(changed(before, fingerprints())).as(file + ": " + from + " -> " + to).isEqualTo(new TreeSet<>(expected));
    Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
  }

  /** Replaces text in a governance file (which must hold it), returning the file as it was. */
  private String edit(String file, String from, String to) throws IOException {
    Path path = dir.resolve(file);
    String text = Files.readString(path, StandardCharsets.UTF_8);
    assertThat(text).as(file).contains(from);
    Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
    return text;
  }

  private Map<String, String> fingerprints() {
    return ReadingSettings.fingerprints(new GovernanceLoader().load(dir));
  }

  private static Set<String> changed(Map<String, String> before, Map<String, String> after) {
    assertThat(after.keySet()).isEqualTo(before.keySet());
    Set<String> changed = new TreeSet<>();
    before.forEach((id, fingerprint) -> {
      if (!fingerprint.equals(after.get(id))) {
        changed.add(id);
      }
    });
    return changed;
  }
}
