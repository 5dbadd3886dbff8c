package org.plumbline.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plumbline.governance.Kpi.Direction;
import org.plumbline.governance.Kpi.TriadDimension;
import org.plumbline.governance.Policy.Severity;
import org.plumbline.governance.Source.CsvDialect;
import org.plumbline.governance.Source.Format;
import org.plumbline.governance.Source.Kind;
import org.plumbline.governance.Source.PeriodSpec;
import org.plumbline.governance.Source.PeriodSpec.Grain;
import org.plumbline.governance.Source.SkipRule;
import org.plumbline.governance.Source.SourceMetric;

/** The example governance model in the repository's config/governance reads as intended. */
class GovernanceLoaderTests {

  /** Surefire runs in the jobs module, so the repository's config folder is one level up. */
  static final Path EXAMPLE = Path.of("../config/governance");

  private final GovernanceLoader loader = new GovernanceLoader();

  @Test
  void readsTheExampleWithEveryEntry() {
    // when
    GovernanceModel model = loader.load(EXAMPLE);

    // then
    assertThat(model.departments()).extracting(Department::code).containsExactly("PROD", "QUAL", "LOG");
    assertThat(model.roles()).extracting(Role::id)
        .containsExactly("head_of_quality", "head_of_production", "head_of_logistics");
    assertThat(model.kpis()).extracting(Kpi::id).containsExactly("inspection_coverage", "customer_complaints",
        "audit_score", "units_produced", "output_per_shift", "scrap_cost", "on_time_delivery", "freight_cost");
    assertThat(model.policies()).hasSize(1);
    assertThat(model.sources()).extracting(Source::id).containsExactly("prod_weekly_kpis", "qual_audit_scores",
        "log_weekly_report", "mes_inspection_lots", "erp_production", "crm_complaints");
    assertThat(model.configVersion()).matches("[0-9a-f]{64}");
  }

  @Test
  void mapsValuesEnumsAndNestedBlocks() {
    // when
    GovernanceModel model = loader.load(EXAMPLE);

    // then
    assertThat(model.departments().get(0)).isEqualTo(new Department("PROD", "Production",
        List.of("Produktion", "Fertigung"), Map.of("Critical parts inspected", "inspection_coverage",
            "Units produced", "units_produced", "Scrap cost (EUR)", "scrap_cost",
            "Output per shift", "output_per_shift")));
    assertThat(model.roles().get(0)).isEqualTo(new Role("head_of_quality", "Head of Quality", "QUAL", false));
    assertThat(model.kpis().get(0)).isEqualTo(new Kpi("inspection_coverage", "Inspection coverage of critical parts",
        TriadDimension.QUALITY, "percent", Direction.HIGHER_IS_BETTER, 100, "head_of_quality", 0.5,
        new Measurement("mes_inspection_lots", "inspected_units", "produced_units", 100,
            Map.of("part_class", "CRITICAL")), new Kpi.ValidRange(0.0, 100.0), Kpi.Aggregation.MEAN));
    assertThat(model.kpis().get(1).measuredBy())
        .isEqualTo(new Measurement("crm_complaints", "complaints", null, 1, Map.of()));
    assertThat(model.kpis().get(2).measuredBy()).isNull();
    assertThat(model.policies().get(0)).isEqualTo(new Policy("POL-INSP-001", 1,
        "Every critical engine valve is 100% inspected before shipment.", "inspection_coverage", ">=",
        100, Map.of("part_class", "CRITICAL"), "head_of_quality", Severity.CRITICAL, LocalDate.of(2024, 1, 1), null));
  }

  @Test
  void appliesTheReadingDefaultsOfSources() {
    // when
    GovernanceModel model = loader.load(EXAMPLE);

    // then: a self-reported metric is named after its column; header_row and scale default to 1
    Source production = model.source("prod_weekly_kpis");
    assertThat(production.kind()).isEqualTo(Kind.SELF_REPORTED);
    assertThat(production.format()).isEqualTo(Format.XLSX);
    assertThat(production.headerRow()).isEqualTo(3);
    assertThat(production.period()).isEqualTo(new PeriodSpec("Week starting", Grain.WEEK));
    assertThat(production.skipRows()).isEqualTo(new SkipRule("Week starting", "(?i)^\\s*(total|summe)"));
    assertThat(production.csv()).isNull();
    assertThat(production.metrics()).containsExactly(
        new SourceMetric("Units produced", "Units produced", 1, null),
        new SourceMetric("Critical parts inspected", "Critical parts inspected", 1, null, "fraction"),
        new SourceMetric("Scrap cost (EUR)", "Scrap cost (EUR)", 1, null),
        new SourceMetric("Output per shift", "Output per shift", 1, null));

    Source audits = model.source("qual_audit_scores");
    assertThat(audits.headerRow()).isEqualTo(1);
    assertThat(audits.csv()).isEqualTo(new CsvDialect(";", ",", "%d.%m.%Y", "UTF-8"));

    Source complaints = model.source("crm_complaints");
    assertThat(complaints.system()).isEqualTo("CRM");
    assertThat(complaints.kind()).isEqualTo(Kind.SYSTEM_OF_RECORD);
    assertThat(complaints.attributes()).containsExactly(Map.entry("part_id", "part_no"), Map.entry("lot_id", "lot_id"));
    assertThat(complaints.metrics()).containsExactly(new SourceMetric(null, "complaints", 1, 1.0));
  }

  @Test
  void addsUpSectionsSplitOverFilesAndLeavesRogueMetricsForLater(@TempDir Path dir) throws IOException {
    // given: a second file adds a KPI; the source reports a figure its department never mapped
    Files.writeString(dir.resolve("a.yml"), """
        departments:
          - { code: LOG, name: Logistics, local_kpi_names: { "Liefertreue (%)": on_time_delivery } }
        kpis:
          - { id: on_time_delivery, name: On-time delivery, dimension: speed, unit: percent,
              direction: higher_is_better, target: 95, tolerance: 0 }
        """);
    Files.writeString(dir.resolve("b.yaml"), """
        kpis:
          - { id: freight_cost, name: Freight cost, dimension: cost, unit: EUR, direction: lower_is_better,
              target: 9000, tolerance: 0 }
        sources:
          - id: log_weekly_report
            department: LOG
            kind: self_reported
            format: csv
            files: "Logistik_*.csv"
            csv: { delimiter: ";" }
            period: { column: Woche ab, grain: week }
            metrics:
              - { column: Liefertreue (%) }
              - { column: Leerfahrten }
        """);

    // when
    GovernanceModel model = loader.load(dir);

    // then
    assertThat(model.kpis()).extracting(Kpi::id).containsExactly("on_time_delivery", "freight_cost");
    assertThat(model.source("log_weekly_report").metrics()).extracting(SourceMetric::name)
        .containsExactly("Liefertreue (%)", "Leerfahrten");
    assertThat(model.source("log_weekly_report").csv()).isEqualTo(new CsvDialect(";", ".", null, "UTF-8"));
  }

  @Test
  void namesAreReadInOneSpellingOfEachLetterWhateverEditorWroteThem(@TempDir Path dir) throws IOException {
    // given a local name typed on a Mac: "Qualität" with a + U+0308 (decomposed, NFD)
    String decomposed = java.text.Normalizer.normalize("Qualität", java.text.Normalizer.Form.NFD);
    Files.writeString(dir.resolve("a.yml"), """
        departments:
          - { code: QUAL, name: Quality, local_kpi_names: { "NAME": audit_score } }
        kpis:
          - { id: audit_score, name: Audit score, dimension: quality, unit: percent,
              direction: higher_is_better, target: 95, tolerance: 0 }
        """.replace("NAME", decomposed));

    // when
    GovernanceModel model = loader.load(dir);

    // then it is the composed "Qualität" (ä as one letter), as a Windows file writes it
    assertThat(decomposed).hasSize(9);
    assertThat(model.departments().get(0).localKpiNames()).containsOnlyKeys("Qualität");
    assertThat(model.departments().get(0).localKpiNames().keySet().iterator().next()).hasSize(8);
  }
}
