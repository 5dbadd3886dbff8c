package org.plumbline.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A KPI's numerator and denominator and a cost of poor quality's measure name metrics the source
 * lists; on a sheet of several tables a metric one table lists as its own is the source's too.
 */
class SourceTableMetricReferencesTests {

  /**
   * A line export whose first table reads the source's units, whose second lists its own units
   * and scrap cost, and whose third names its rejects row by row (the metric name is in the file).
   * Formatted with line_b's scrap cost currency, the KPI's numerator and the cost's measure.
   */
  static final String LINES = """
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
            - name: line_b
              title: Line B
              date_format: "%%d.%%m.%%Y"
              skip_rows: { column: Date, matches: "^Total$" }
              attributes: { lot_id: Lot }
              metrics:
                - { column: Units, name: scada_units }
                - { column: Scrap, name: scada_scrap_cost, currency: %s }
            - name: rejects
              title: Rejects
              shape: metric_per_row
              metric_column: Reason
              value_column: Count
              attributes: {}
              metrics:
                - { name: scada_rejects }
      kpis:
        - id: scada_reject_rate
          name: Rejects per unit on the lines
          dimension: quality
          unit: percent
          direction: lower_is_better
          target: 1
          owner_role: head_of_quality
          tolerance: 0
          measured_by:
            source: scada_lines
            numerator: %s
            denominator: scada_units
            scale: 100
      poor_quality_costs:
        - { category: line_scrap, source: scada_lines, measure: %s }
      """;

  @TempDir
  Path dir;

  @Test
  void aKpiAndACostMeasuredFromMetricsOnlyATableListsAreAccepted() throws IOException {
    // given the example model and the line export: scada_rejects is listed by the rejects table
    // (metric_per_row), scada_scrap_cost by line_b; the source itself lists only scada_units
    copyExample();
    Files.writeString(dir.resolve("scada.yml"), LINES.formatted("USD", "scada_rejects", "scada_scrap_cost"));

    // when
    GovernanceModel model = new GovernanceLoader().load(dir);

    // then the measurement and the cost are kept as written
    Kpi kpi = model.kpis().stream().filter(k -> k.id().equals("scada_reject_rate")).findFirst().orElseThrow();
    assertThat(List.of(kpi.measuredBy().numerator(), kpi.measuredBy().denominator()))
        .containsExactly("scada_rejects", "scada_units");
    assertThat(model.poorQualityCosts()).contains(new PoorQualityCost("line_scrap", "scada_lines", "scada_scrap_cost"));
    Source source = model.sources().stream().filter(s -> s.id().equals("scada_lines")).findFirst().orElseThrow();
    assertThat(source.metricNames()).containsExactly("scada_units", "scada_scrap_cost", "scada_rejects");
  }

  @Test
  void aMetricThatNeitherTheSourceNorAnyTableListsIsReportedWithFileLineAndKey() throws IOException {
    // given a numerator and a cost measure that no list names (scada_reject is a typo; scrap_cost is not the
    // scrap cost's name here)
    copyExample();
    Files.writeString(dir.resolve("scada.yml"), LINES.formatted("USD", "scada_reject", "scrap_cost"));

    // when
    ConfigInvalidException invalid =
        catchThrowableOfType(ConfigInvalidException.class, () -> new GovernanceLoader().load(dir));

    // then
    assertThat(invalid).isNotNull();
    assertThat(invalid.problems())
        .extracting(p -> p.file().getFileName().toString(), ConfigProblem::line, ConfigProblem::key)
        .containsExactlyInAnyOrder(
            tuple("scada.yml", 40, "kpis[scada_reject_rate].measured_by.numerator"),
            tuple("scada.yml", 44, "poor_quality_costs[line_scrap].measure"));
    String listed = "the metrics it and its tables list are scada_units, scada_scrap_cost, scada_rejects.";
    String namedInTheFile = " Metrics named in the file (shape metric_per_row or periods_across) are measured once"
        + " listed under 'metrics' by their name.";
    assertThat(invalid.problems()).extracting(ConfigProblem::message).containsExactlyInAnyOrder(
        "The numerator 'scada_reject' is not a metric of source 'scada_lines' or of any of its tables; " + listed
            + " Did you mean 'scada_rejects'?" + namedInTheFile,
        "The measure 'scrap_cost' is not a metric of source 'scada_lines' or of any of its tables; " + listed
            + namedInTheFile);
  }

  @Test
  void aMetricOnlyTheSourceListsWhileEveryTableHasItsOwnListIsReadNowhereAndReported() throws IOException {
    // given the source also lists scada_waste, but line_a now lists its own metrics too, so no table reads it
    copyExample();
    String lines = LINES.formatted("USD", "scada_waste", "scada_scrap_cost")
        .replace("    - { column: Units, name: scada_units }\n    tables:",
            "    - { column: Units, name: scada_units }\n      - { column: Waste, name: scada_waste }\n    tables:")
        .replace("- { name: line_a, title: Line A }",
            "- { name: line_a, title: Line A, metrics: [{ column: Units, name: scada_units }] }");
    assertThat(lines).contains("{ column: Waste, name: scada_waste }", "Line A, metrics: [");
    Files.writeString(dir.resolve("scada.yml"), lines);

    // when
    ConfigInvalidException invalid =
        catchThrowableOfType(ConfigInvalidException.class, () -> new GovernanceLoader().load(dir));

    // then the numerator is reported where it is written, with the metrics the tables do read
    int numerator = java.util.Arrays.asList(lines.split("\n")).indexOf("      numerator: scada_waste") + 1;
    assertThat(invalid).isNotNull();
    assertThat(invalid.problems())
        .extracting(p -> p.file().getFileName().toString(), ConfigProblem::line, ConfigProblem::key)
        .containsExactly(tuple("scada.yml", numerator, "kpis[scada_reject_rate].measured_by.numerator"));
    assertThat(invalid.problems().get(0).message())
        .startsWith("The numerator 'scada_waste' is not a metric of source 'scada_lines' or of any of its tables;"
            + " the metrics it and its tables list are scada_units, scada_scrap_cost, scada_rejects.");
  }

  @Test
  void aTablesOwnMoneyMetricInACurrencyWithoutARateIsReportedWithFileLineAndKey() throws IOException {
    // given line_b's scrap cost in CHF, for which the example has no exchange rate into EUR
    copyExample();
    Files.writeString(dir.resolve("scada.yml"), LINES.formatted("CHF", "scada_rejects", "scada_scrap_cost"));

    // when
    ConfigInvalidException invalid =
        catchThrowableOfType(ConfigInvalidException.class, () -> new GovernanceLoader().load(dir));

    // then
    assertThat(invalid).isNotNull();
    assertThat(invalid.problems())
        .extracting(p -> p.file().getFileName().toString(), ConfigProblem::line, ConfigProblem::key,
            ConfigProblem::message)
        .containsExactly(tuple("scada.yml", 20, "sources[scada_lines].tables[1].metrics[1].currency",
            "Money here is in CHF, but exchange_rates has no rate from CHF to the reporting currency EUR; add one per"
                + " month, such as { currency: CHF, base: EUR, month: 2025-01, rate: 0.92 }."));
  }

  private void copyExample() throws IOException {
    try (var files = Files.list(GovernanceLoaderTests.EXAMPLE)) {
      for (Path file : files.toList()) {
        Files.copy(file, dir.resolve(file.getFileName()));
      }
    }
  }
}
