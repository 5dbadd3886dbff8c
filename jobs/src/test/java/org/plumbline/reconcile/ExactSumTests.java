package org.plumbline.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Money is summed exactly (sql/macros/exact_aggregates.sql): a double sum depends on the order its
 * rows arrive in, which DuckDB's threads vary from run to run, and is off in its last bits, so a
 * week at its limit could be judged either way and a rebuild would not be the same as the last.
 */
class ExactSumTests {

  private static final String MODEL = """
      departments:
        - { code: PROD, name: Production }
      roles:
        - { id: head_of_quality, title: Head of Quality, department: PROD, can_pause_process: true }
      kpis:
        - id: scrap_cost
          name: Scrap cost
          dimension: cost
          unit: EUR
          direction: lower_is_better
          target: 0.6
          owner_role: head_of_quality
          tolerance: 0
          measured_by: { source: erp, numerator: scrap }
      policies:
        - id: POL-SCRAP
          version: 1
          statement: Scrap costs at most 0.60 EUR a week.
          kpi: scrap_cost
          comparator: "<="
          threshold: 0.6
          owner_role: head_of_quality
          severity: high
          effective_from: 2025-01-01
      sources:
        - id: erp
          system: ERP
          department: PROD
          kind: system_of_record
          format: csv
          files: "erp_*.csv"
          csv: { delimiter: ",", decimal: "." }
          period: { column: day, grain: day }
          metrics:
            - { column: scrap, name: scrap }
      calendars:
        - { id: DE10, timezone: Europe/Berlin, common_grain: week }
      """;

  @TempDir
  Path folder;

  @Test
  void scrapOfTenTwentyAndThirtyCentsIsSixtyCentsAndMeetsAPolicyOfSixty() throws Exception {
    try (FindingFixture fixture = FindingFixture.create(folder, MODEL, "")) {
      // given three scrap postings in one week, whose double sum is 0.6000000000000001
      fixture.deliver("erp", "erp_2025-07.csv", LocalDateTime.parse("2025-07-21T02:00"), List.of("day", "scrap"),
          List.of(List.of("2025-07-14", "0.1"), List.of("2025-07-15", "0.2"), List.of("2025-07-16", "0.3")));

      // when
      fixture.reconcile("2025-07-31");

      // then the week's scrap is 0.6 EUR, at the limit, not beyond it
      assertThat(fixture.query("select iso_week, measured_value from v_kpi_week"))
          .containsExactly(List.of("2025-W29", 0.6));
      assertThat(fixture.query("select count(*) from fct_policy_breach")).containsExactly(List.of(0L));
    }
  }
}
