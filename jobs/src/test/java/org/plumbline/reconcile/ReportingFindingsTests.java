package org.plumbline.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reporting discrepancies and rogue metrics: what a department says against the model. */
class ReportingFindingsTests {

  @TempDir
  Path folder;

  @Test
  void aSelfReportedFigureWithinToleranceIsNoDiscrepancyAndOneBeyondIs() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      // given: 99.6% measured in W24 (0.4 points off, tolerance 0.5), 99.0% in W25 (1 point off)
      fixture.mesDay("2025-06-09", 1000, 996).mesDay("2025-06-16", 1000, 990)
          .prodSheet("prod_2025-06.csv", LocalDateTime.parse("2025-07-03T08:00"), List.of(
              List.of("2025-06-09", "100", "100"), List.of("2025-06-16", "100", "100")));

      // when
      fixture.reconcile("2025-07-31");

      // then
      assertThat(fixture.query("select finding_key, round(measured_value, 1), self_reported_value, round(gap, 1),"
          + " severity from fct_finding where finding_type = 'reporting_discrepancy'")).containsExactly(
          List.of("reporting_discrepancy:PROD/inspection_coverage/2025-W25", 99.0, 100.0, 1.0, "critical"));
      assertThat(fixture.query("select row_role, count(*) from fct_finding_lineage"
          + " where finding_key like 'reporting_discrepancy:%' group by all order by 1")).containsExactly(
          List.of("measured", 1L), List.of("reported", 1L));
    }
  }

  @Test
  void aDiscrepancyIsRatedByThePolicyVersionInForceForItsPeriod() throws Exception {
    // given POL-INSP-001 v1 (critical) in force from 1 January to 30 June 2025 and v2 (high) from
    // 1 July, and Production reporting 100% for a December 2024 week no version governs, a June
    // week under v1 and a July week under v2, each measured at 99%
    try (FindingFixture fixture = FindingFixture.create(folder, "")) {
      fixture.mesDay("2024-12-16", 1000, 990).mesDay("2025-06-16", 1000, 990).mesDay("2025-07-14", 1000, 990)
          .prodSheet("prod_2025-07.csv", LocalDateTime.parse("2025-07-20T08:00"), List.of(
              List.of("2024-12-16", "100", "100"), List.of("2025-06-16", "100", "100"),
              List.of("2025-07-14", "100", "100")));

      // when
      fixture.reconcile("2025-07-31");

      // then each takes its own period's version; the week before any takes the configured severity
      assertThat(fixture.query("select period_label, severity from fct_finding"
          + " where finding_type = 'reporting_discrepancy' order by period_start")).containsExactly(
          List.of("2024-W51", "medium"), List.of("2025-W25", "critical"), List.of("2025-W29", "high"));
    }
  }

  @Test
  void aMetricNoDepartmentNameMapsToTheCatalogueIsARogueMetric() throws Exception {
    // given a second Production sheet with a column the catalogue does not know
    String rogueSource = """
        sources:
          - id: prod_morale
            department: PROD
            kind: self_reported
            format: csv
            files: "morale_*.csv"
            csv: { delimiter: ",", decimal: ".", date_format: "%Y-%m-%d" }
            period: { column: Week, grain: week }
            metrics:
              - { column: Mood index }
              - { column: Units }
        """;
    try (FindingFixture fixture = FindingFixture.create(folder, rogueSource)) {
      fixture.deliver("prod_morale", "morale_2025-06.csv", LocalDateTime.parse("2025-07-03T08:00"),
          List.of("Week", "Mood index", "Units"), List.of(List.of("2025-06-09", "7.5", "100"),
              List.of("2025-06-16", "8", "100")));

      // when
      fixture.reconcile("2025-07-31");

      // then: Mood index is rogue; Units is mapped and so is not
      assertThat(fixture.query("select department_code, source_id, metric_name, first_period_date::varchar,"
          + " last_period_date::varchar, value_count, latest_value from fct_rogue_metric")).containsExactly(
          List.of("PROD", "prod_morale", "Mood index", "2025-06-09", "2025-06-16", 2L, 8.0));
      assertThat(fixture.query("select finding_key, severity, owner_role from fct_finding"
          + " where finding_type = 'rogue_metric'")).containsExactly(
          List.of("rogue_metric:PROD/prod_morale/Mood index", "low", "head_of_quality"));
      assertThat(fixture.query("select count(*) from fct_finding_lineage where finding_key like 'rogue_metric:%'")
          .get(0).get(0)).isEqualTo(2L);
    }
  }
}
