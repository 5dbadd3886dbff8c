package org.plumbline.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A measurement's filter and a deviation's scope name attributes the measuring source must read;
 * on a sheet of several tables an attribute read by one table is read by the source.
 */
class SourceTableAttributeReferencesTests {

  /** A line export whose second table alone says which column holds the lot and the part class. */
  private static final String LINES = """
      sources:
        - id: scada_lines
          system: SCADA
          department: PROD
          kind: system_of_record
          format: xlsx
          files: "scada_lines_*.xlsx"
          period: { column: Date, grain: day }
          metrics:
            - { column: Units, name: scada_units }
          tables:
            - { name: line_a, title: Line A }
            - { name: line_b, title: Line B, attributes: { lot_id: Lot, part_class: Class } }
      kpis:
        - id: scada_output
          name: Output of critical parts
          dimension: speed
          unit: units
          direction: higher_is_better
          target: 100
          owner_role: head_of_production
          tolerance: 0
          measured_by:
            source: scada_lines
            numerator: scada_units
            filter: { %s: CRITICAL }
      policies:
        - { id: POL-SCADA, version: 1, statement: Critical output holds., kpi: scada_output, comparator: ">=",
            threshold: 100, owner_role: head_of_production, severity: medium, effective_from: 2025-01-01 }
      deviations:
        - id: DEV-SCADA
          policy: POL-SCADA
          reason: One lot re-run.
          approved_by: head_of_quality
          approved_on: 2025-01-01
          valid_from: 2025-01-06
          expires_on: 2025-01-31
          scope: { %s: L-1 }
      """;

  @TempDir
  Path dir;

  @Test
  void aFilterAndAScopeOnAttributesThatOnlyOneTableReadsAreAccepted() throws IOException {
    // given the example model and the line export whose table line_b reads part_class and lot_id
    copyExample();
    Files.writeString(dir.resolve("scada.yml"), LINES.formatted("part_class", "lot_id"));

    // when
    GovernanceModel model = new GovernanceLoader().load(dir);

    // then the filter and the scope are kept as written
    Kpi kpi = model.kpis().stream().filter(k -> k.id().equals("scada_output")).findFirst().orElseThrow();
    assertThat(kpi.measuredBy().filter()).isEqualTo(Map.of("part_class", "CRITICAL"));
    assertThat(model.deviations().stream().filter(d -> d.id().equals("DEV-SCADA")).findFirst().orElseThrow().scope())
        .isEqualTo(Map.of("lot_id", "L-1"));
  }

  @Test
  void anAttributeThatNeitherTheSourceNorAnyTableReadsIsReportedWithFileLineAndKey() throws IOException {
    // given a filter and a scope on part_id, which no table of the line export reads
    copyExample();
    Files.writeString(dir.resolve("scada.yml"), LINES.formatted("part_id", "part_id"));

    // when
    ConfigInvalidException invalid =
        catchThrowableOfType(ConfigInvalidException.class, () -> new GovernanceLoader().load(dir));

    // then
    assertThat(invalid).isNotNull();
    assertThat(invalid.problems())
        .extracting(p -> p.file().getFileName().toString(), ConfigProblem::line, ConfigProblem::key)
        .containsExactlyInAnyOrder(
            tuple("scada.yml", 26, "kpis[scada_output].measured_by.filter[part_id]"),
            tuple("scada.yml", 38, "deviations[DEV-SCADA].scope[part_id]"));
    assertThat(invalid.problems()).extracting(ConfigProblem::message).containsExactlyInAnyOrder(
        "The filter uses part_id, but source 'scada_lines' does not say which of its columns holds part_id (add it"
            + " to the source's attributes, or to those of the table whose rows carry it).",
        "The deviation is limited to a part_id, but source 'scada_lines', which measures scada_output for policy"
            + " POL-SCADA, does not say which of its columns holds part_id (its attributes, or any of its tables'"
            + " attributes), so no row could be told apart as covered.");
  }

  private void copyExample() throws IOException {
    try (var files = Files.list(GovernanceLoaderTests.EXAMPLE)) {
      for (Path file : files.toList()) {
        Files.copy(file, dir.resolve(file.getFileName()));
      }
    }
  }
}
